package dev.keyport.bootstrap.fuzz;

import dev.keyport.adapter.jdbc.MasterKey;
import dev.keyport.bootstrap.TestPostgres;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/** The fuzz on PostgreSQL, a database of its own in the tests' real PostgreSQL server. */
class PostgresFuzzIT extends FuzzContract {

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

    @Override
    String[] testConnection() {
        return new String[] {database.url(), database.user(), ""};
    }

    @Override
    String storeName() {
        return "postgresql";
    }
}
