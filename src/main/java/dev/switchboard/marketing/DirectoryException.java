package dev.switchboard.marketing;

import java.util.List;

/** A directory operation refused; the code says why, and the web layer maps each code to one HTTP status. */
public final class DirectoryException extends RuntimeException {
    /** Why an operation was refused. */
    public enum Code { INVALID, NOT_FOUND }

    private final Code code;
    private final List<String> details;

    public DirectoryException(Code code, String message, List<String> details) {
        super(message);
        this.code = code;
        this.details = List.copyOf(details);
    }

    static DirectoryException invalid(String message, List<String> details) {
        return new DirectoryException(Code.INVALID, message, details);
    }

    public Code code() {
        return code;
    }

    public List<String> details() {
        return details;
    }

    /** The message and its details on one line, for the command line. */
    public String oneLine() {
        return getMessage() + (details.isEmpty() ? "" : ": " + String.join("; ", details));
    }
}
