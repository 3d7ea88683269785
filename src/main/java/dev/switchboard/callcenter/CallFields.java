package dev.switchboard.callcenter;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The text of one call event's fields as the wire gave them, before any validation.
 *
 * @param values field name to text; an absent field has no entry (or a null or blank one)
 * @param unreadable fields whose value had a shape no text can stand for (a JSON object, array or boolean)
 */
record CallFields(Map<String, String> values, Set<String> unreadable) {
    CallFields {
        values = Collections.unmodifiableMap(new HashMap<>(values)); // Map.copyOf refuses null values
        unreadable = Set.copyOf(unreadable);
    }

    /** The trimmed text of a field, or null when it is absent or blank. */
    String text(String field) {
        String value = values.get(field);
        if (value == null) return null;
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    boolean isUnreadable(String field) {
        return unreadable.contains(field);
    }
}
