package dev.switchboard.platform;

import java.util.function.Function;

/**
 * One setting, declared once: its key (also the flag {@code --key} and the environment variable
 * {@code SWITCHBOARD_KEY}), its default as text, how to read it, and what it means.
 */
public record Setting<T>(String key, String defaultText, Function<String, T> reader, boolean secret, String doc) {
    public String envName() {
        return "SWITCHBOARD_" + key.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    public T read(String text) {
        try {
            return reader.apply(text.trim());
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new SettingsException("setting '" + key + "' has a bad value '" + (secret ? "****" : text) + "': " + why);
        }
    }
}
