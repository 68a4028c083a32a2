package dev.keyport.bootstrap.fuzz;

import dev.keyport.adapter.jdbc.MasterKey;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The fuzz on PostgreSQL, a real server started by the test. */
class PostgresFuzzTest extends FuzzContract {

    private static EmbeddedPostgres postgres;
    private static final String MASTER_KEY = MasterKey.generate(new SecureRandom()).toBase64();

    @BeforeAll
    static void startPostgres() throws Exception {
        // durability is not what this test is about: commits need not wait for the disk
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off").start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Override
    Map<String, String> storeSettings() {
        return Map.of("KEYPORT_DB_URL", postgres.getJdbcUrl("postgres", "postgres"), "KEYPORT_DB_USER", "postgres",
                "KEYPORT_MASTER_KEY", MASTER_KEY);
    }

    @Override
    String[] testConnection() {
        return new String[] {postgres.getJdbcUrl("postgres", "postgres"), "postgres", ""};
    }

    @Override
    String storeName() {
        return "postgresql";
    }
}
