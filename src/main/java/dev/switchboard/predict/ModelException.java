package dev.switchboard.predict;

/** A model request that cannot be met; the web layer maps the code to an HTTP status once. */
public final class ModelException extends RuntimeException {
    public enum Code { NO_MODEL, NOT_ENOUGH_DATA, BAD_MODEL_FILE }

    private final Code code;

    public ModelException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public ModelException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
