package dev.switchboard.rating;

import java.util.List;

/** A tariff operation refused; the code says why, and the web layer maps each code to one HTTP status. */
public final class TariffException extends RuntimeException {
    /** Why an operation was refused. */
    public enum Code { INVALID, NOT_FOUND, CONFLICT }

    private final Code code;
    private final List<String> details;

    public TariffException(Code code, String message, List<String> details) {
        super(message);
        this.code = code;
        this.details = List.copyOf(details);
    }

    public TariffException(Code code, String message) {
        this(code, message, List.of());
    }

    static TariffException invalid(String message, String detail) {
        return new TariffException(Code.INVALID, message, List.of(detail));
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
