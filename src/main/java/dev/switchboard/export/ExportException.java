package dev.switchboard.export;

/** An export the caller asked wrongly for (unknown table or column, target not empty, bad range): one line for the user. */
public class ExportException extends RuntimeException {
    public ExportException(String message) {
        super(message);
    }
}
