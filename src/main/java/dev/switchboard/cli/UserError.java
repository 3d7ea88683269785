package dev.switchboard.cli;

/** A mistake the user can fix (bad file, unknown format, no data yet): printed as one line, exit code 2. */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
