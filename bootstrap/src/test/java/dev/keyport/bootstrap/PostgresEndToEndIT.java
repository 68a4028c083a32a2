package dev.keyport.bootstrap;

import dev.keyport.adapter.jdbc.MasterKey;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/** The server on PostgreSQL, a real server started by the tests, with the master key given. */
class PostgresEndToEndIT extends EndToEndContract {

    private static TestPostgres.Database database;
    private static final String MASTER_KEY = MasterKey.generate(new SecureRandom()).toBase64();

    @BeforeAll
    static void createDatabase() {
        database = TestPostgres.freshDatabase();
    }

    @Override
    Map<String, String> storeSettings() {
        return database.settings(MASTER_KEY);
    }
}
