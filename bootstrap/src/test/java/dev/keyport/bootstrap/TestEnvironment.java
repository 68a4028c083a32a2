package dev.keyport.bootstrap;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The environment of a test server: its data folder under the test's, every port chosen by the system. */
final class TestEnvironment {

    private TestEnvironment() {
    }

    /** The baseline, then {@code pairs} (name, value, name, value …) over it. */
    static Map<String, String> of(Path directory, String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("KEYPORT_DATA_DIR", directory.resolve("data").toString(),
                "KEYPORT_TENCENT_PORT", "0", "KEYPORT_HUAWEI_PORT", "0", "KEYPORT_OPS_PORT", "0",
                "KEYPORT_WRAPPING_KEY_STOCK", "1"));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }
}
