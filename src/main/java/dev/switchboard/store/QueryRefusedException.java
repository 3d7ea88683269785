package dev.switchboard.store;

/** A query that is not read-only, or that the database could not run. */
public class QueryRefusedException extends RuntimeException {
    public QueryRefusedException(String message) {
        super(message);
    }
}
