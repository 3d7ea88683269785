package dev.switchboard.store;

/** The history store cannot be reached or refused an operation. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
