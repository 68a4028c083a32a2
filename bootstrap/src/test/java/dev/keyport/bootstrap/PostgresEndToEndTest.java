package dev.keyport.bootstrap;

import dev.keyport.adapter.jdbc.MasterKey;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The server on PostgreSQL, a real server started by the test, with the master key given. */
class PostgresEndToEndTest extends EndToEndContract {

    private static EmbeddedPostgres postgres;
    private static final String MASTER_KEY = MasterKey.generate(new SecureRandom()).toBase64();

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
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
}
