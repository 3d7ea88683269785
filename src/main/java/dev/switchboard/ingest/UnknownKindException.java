package dev.switchboard.ingest;

/** A record kind this build does not ingest. */
public class UnknownKindException extends RuntimeException {
    public UnknownKindException(String message) {
        super(message);
    }
}
