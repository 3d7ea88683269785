package dev.switchboard.access;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a token may do; each role includes the ones before it. */
public enum AccessRole {
    /** Reads the dashboards and the read-only APIs (customers masked). */
    VIEWER,
    /** Also ingests, resets the live figures, drives the generators, trains models, edits the directory and plans. */
    OPERATOR,
    /** Also sees customers' full records, changes customers and tariffs, runs billing, exports, queries SQL, manages tokens. */
    ADMIN;

    public boolean includes(AccessRole required) {
        return ordinal() >= required.ordinal();
    }

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AccessRole parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown role '" + text + "' (known: viewer, operator, admin)");
        }
    }
}
