package dev.keyport.bootstrap.fuzz;

import dev.keyport.adapter.jdbc.JdbcStoreConfig;
import dev.keyport.adapter.jdbc.MasterKey;
import java.security.SecureRandom;
import java.util.Map;

/** The fuzz on the embedded default: H2 files in the data folder, read by the test through the same in-process H2. */
class H2FuzzIT extends FuzzContract {

    @Override
    Map<String, String> storeSettings() {
        return Map.of();
    }

    @Override
    String[] testConnection() {
        // the URL the server opens its data folder with; in one process, H2 shares the open database
        JdbcStoreConfig config = JdbcStoreConfig.h2(directory.resolve("data"), MasterKey.generate(new SecureRandom()));
        return new String[] {config.jdbcUrl(), config.user(), config.password()};
    }

    @Override
    String storeName() {
        return "h2";
    }
}
