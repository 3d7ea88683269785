package dev.switchboard.mediation;

/** What happened to records of one kind: every record in ends as exactly one of clean, error, duplicate. */
public enum Counter {
    IN, CLEAN, ERROR, DUPLICATE;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
