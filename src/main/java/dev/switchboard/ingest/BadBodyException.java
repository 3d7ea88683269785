package dev.switchboard.ingest;

/** A body or file that cannot be split into records at all (e.g. a JSON array that does not parse). */
public class BadBodyException extends RuntimeException {
    public BadBodyException(String message) {
        super(message);
    }
}
