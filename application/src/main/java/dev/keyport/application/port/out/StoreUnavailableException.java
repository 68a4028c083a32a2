package dev.keyport.application.port.out;

/**
 * The store cannot be reached now (the database is down, or no connection came within the configured time). The
 * unit of work changed nothing; the client may retry. Adapters answer it with their vendor's transient error, never
 * as an internal error, and log it without a stack trace.
 */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
