package dev.switchboard.customer;

import java.util.List;

/** A customer operation refused; the code says why, and the web layer maps each code to one HTTP status. */
public final class CustomerException extends RuntimeException {
    /** Why an operation was refused. */
    public enum Code { INVALID, NOT_FOUND, CONFLICT, FORBIDDEN, KEY }

    private final Code code;
    private final List<String> details;

    public CustomerException(Code code, String message, List<String> details) {
        super(message);
        this.code = code;
        this.details = List.copyOf(details);
    }

    public CustomerException(Code code, String message) {
        this(code, message, List.of());
    }

    public CustomerException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.details = List.of();
    }

    public Code code() {
        return code;
    }

    public List<String> details() {
        return details;
    }
}
