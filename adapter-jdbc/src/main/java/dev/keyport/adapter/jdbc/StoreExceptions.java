package dev.keyport.adapter.jdbc;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

/** What a failed statement means, read from its SQLState, on H2 and PostgreSQL alike. */
final class StoreExceptions {

    private static final String UNIQUE_VIOLATION = "23505";
    /** serialization failure, deadlock (both), lock not available (PostgreSQL), lock timeout and concurrent update (H2) */
    private static final Set<String> CONCURRENCY_FAILURES = Set.of("40001", "40P01", "55P03", "HYT00", "90131");

    private StoreExceptions() {
    }

    static boolean isUniqueViolation(Throwable failure, String constraint) {
        SQLException sql = sqlException(failure);
        return sql != null && UNIQUE_VIOLATION.equals(sql.getSQLState()) && sql.getMessage() != null
                && sql.getMessage().toLowerCase(Locale.ROOT).contains(constraint.toLowerCase(Locale.ROOT));
    }

    static boolean isConcurrencyFailure(Throwable failure) {
        SQLException sql = sqlException(failure);
        return sql != null && CONCURRENCY_FAILURES.contains(sql.getSQLState());
    }

    private static SQLException sqlException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
