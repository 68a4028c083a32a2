package dev.keyport.bootstrap.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.keyport.bootstrap.KeyportServer;
import dev.keyport.bootstrap.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server, in process, given hostile values in every field of every action of both APIs (issue 10, point 4):
 * wrong JSON types, sizes, unicode, control characters, numbers out of range, SQL and path metacharacters, damaged
 * base64, damaged bodies, and for Tencent the same through GET with odd parameter names. Every request is correctly
 * signed and otherwise valid, aimed at real keys in each state. Asserted for every request: no 5xx, no InternalError or
 * KMS.0101, the vendor's answer shape, and no change of the store when the request was refused; for the whole run: no
 * ERROR log event, no stack trace, and no log line holding a secret or a signature. A failure lists every failing
 * request at once; the same report is written to {@code target/fuzz-<store>.txt}.
 *
 * <p>Tencent JSON bodies go through the official SDK's {@code CommonClient} (TC3 as the SDK signs), GET requests are
 * signed with v1 by the SDK's {@code Sign}, other bytes with TC3 by the test; Huawei requests are signed by the test as
 * the SDK signs ({@link FuzzSignersTest}). Throttling is raised out of the way, and the sweep does not run.
 */
abstract class FuzzContract {

    static final int WORKERS = 4;

    @TempDir
    Path directory;

    /** Where the store is: nothing for H2 in the data folder, a URL and a master key for PostgreSQL. */
    abstract Map<String, String> storeSettings();

    /** How the test reads the same database: JDBC URL, user, password. */
    abstract String[] testConnection();

    abstract String storeName();

    /** Two tenants per worker. */
    static List<FuzzRun.Tenant> tenants() {
        List<FuzzRun.Tenant> tenants = new ArrayList<>();
        for (int i = 1; i <= 2 * WORKERS; i++) {
            tenants.add(new FuzzRun.Tenant("fuzz-" + i, "AKIDFUZZTENANT" + i, "fuzz-tencent-secret-" + i,
                    "FUZZHUAWEIAK" + i, "fuzz-huawei-secret-" + i, String.format("%032x", 0xf0220000L + i)));
        }
        return tenants;
    }

    Map<String, String> environment() throws Exception {
        Path credentials = directory.resolve("credentials.json");
        Files.writeString(credentials, "{\"tenants\": [" + tenants().stream().map(t -> """
                {"id": "%s",
                 "tencent": [{"secretId": "%s", "secretKey": "%s", "appId": 1250000000, "uin": 100000000001}],
                 "huawei": [{"accessKey": "%s", "secretKey": "%s", "domainId": "fuzzdomain",
                             "projects": {"%s": "%s"}}]}""".formatted(t.id(), t.secretId(), t.secretKey(),
                t.accessKey(), t.huaweiSecret(), t.project(), FuzzRun.REGION)).collect(Collectors.joining(","))
                + "]}");
        Map<String, String> env = new HashMap<>(storeSettings());
        env.put("KEYPORT_DATA_DIR", directory.resolve("data").toString());
        env.put("KEYPORT_TENCENT_PORT", "0");
        env.put("KEYPORT_HUAWEI_PORT", "0");
        env.put("KEYPORT_OPS_PORT", "0");
        env.put("KEYPORT_CREDENTIALS", credentials.toString());
        env.put("KEYPORT_WRAPPING_KEY_STOCK", "2");
        env.put("KEYPORT_SWEEP_SECONDS", "86400"); // no sweep changes a key while the fuzz compares the store
        env.put("KEYPORT_TENCENT_DEFAULT_REGION", FuzzRun.REGION);
        // throttling would answer in place of the action and hide what the action does
        env.put("KEYPORT_TENCENT_RATE", "1000000");
        env.put("KEYPORT_TENCENT_CRYPTO_RATE", "1000000");
        env.put("KEYPORT_HUAWEI_RATE", "1000000");
        // the fuzz means to fail authentication now and then, from one address: no lockout may hide what follows
        env.put("KEYPORT_AUTH_FAILURES", "0");
        env.put("KEYPORT_AUTH_ADDRESS_FAILURES", "0");
        return env;
    }

    @Test
    void hostileValuesInEveryFieldOfEveryActionGetTheVendorsRefusalAndChangeNothing() throws Exception {
        Map<String, String> env = environment();
        long started = System.nanoTime();
        FuzzRun.Result result;
        List<ILoggingEvent> offending;
        long eventsSeen;
        List<String> secrets = new ArrayList<>(List.of("Signature="));
        tenants().forEach(t -> secrets.addAll(List.of(t.secretKey(), t.huaweiSecret())));
        List<ILoggingEvent> leaks;
        try (LogCapture logs = LogCapture.attach(true, secrets)) {
            KeyportServer server = KeyportServer.start(Settings.fromEnvironment(env));
            try {
                String[] connection = testConnection();
                result = FuzzRun.run(server, connection[0], connection[1], connection[2], tenants());
            } finally {
                server.stop(Duration.ofSeconds(5));
            }
            offending = logs.offending();
            leaks = logs.leaks();
            eventsSeen = logs.eventsSeen();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        String report = FuzzReport.render(storeName(), result, offending, leaks, eventsSeen);
        Path file = Path.of("target", "fuzz-" + storeName() + ".txt");
        Files.createDirectories(file.getParent());
        Files.write(file, report.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        System.out.printf("%s; %.1f s with the server's start and stop; report in %s%n",
                FuzzReport.summary(storeName(), result, offending, leaks, eventsSeen), seconds, file.toAbsolutePath());

        assertThat(result.requests()).as("requests sent").isGreaterThanOrEqualTo(result.cases());
        if (!result.failures().isEmpty() || !offending.isEmpty() || !leaks.isEmpty()) {
            fail(report);
        }
    }
}
