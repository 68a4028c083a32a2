package dev.keyport.adapter.jdbc;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Set;

/** What a failed statement means, read from its SQLState, on H2 and PostgreSQL alike. */
final class StoreExceptions {

    private static final String UNIQUE_VIOLATION = "23505";
    /** serialization failure, deadlock (both), lock not available (PostgreSQL), lock timeout and concurrent update (H2) */
    private static final Set<String> CONCURRENCY_FAILURES = Set.of("40001", "40P01", "55P03", "HYT00", "90131");

    /** admin shutdown, crash shutdown, cannot connect now, too many connections (PostgreSQL); database closed (H2) */
    private static final Set<String> UNAVAILABLE = Set.of("57P01", "57P02", "57P03", "53300", "90098", "90121");

    private StoreExceptions() {
    }

    /**
     * The database cannot be reached: no connection came within the pool's timeout, or the connection failed (SQLState
     * class 08) or the server is shutting down. Nothing was committed; the request may be retried.
     */
    static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNAVAILABLE.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** A unique constraint refused a row, whichever. */
    static boolean isUniqueViolation(Throwable failure) {
        SQLException sql = sqlException(failure);
        return sql != null && UNIQUE_VIOLATION.equals(sql.getSQLState());
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
