package dev.keyport.adapter.jdbc;

import java.sql.SQLException;

/**
 * A statement run in plain JDBC failed; its {@link SQLException} is the cause, which {@link StoreExceptions} reads as
 * it reads the cause of a failed Jdbi statement.
 */
final class StatementFailedException extends RuntimeException {

    StatementFailedException(String what, SQLException cause) {
        super(what + " failed: " + cause.getMessage(), cause);
    }
}
