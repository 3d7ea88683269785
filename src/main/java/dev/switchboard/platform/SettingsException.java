package dev.switchboard.platform;

/** A setting with a bad value, or a config file that cannot be read: reported at start, before anything runs. */
public class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }
}
