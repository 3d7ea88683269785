package dev.switchboard.ingest;

/** An unknown kind, format or content type at the edge. */
public class UnsupportedFormatException extends RuntimeException {
    public UnsupportedFormatException(String message) {
        super(message);
    }
}
