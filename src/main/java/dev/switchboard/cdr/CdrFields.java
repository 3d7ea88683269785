package dev.switchboard.cdr;

import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The text of one CDR's fields as a wire format gave them, keyed by the names of {@link CdrCsv#COLUMNS},
 * before any validation. Every format is reduced to this so that one set of rules judges them all.
 *
 * @param values field name to text; an absent field has no entry (or a null or blank one)
 * @param unreadable fields whose value had a shape no text can stand for (a JSON object, array or boolean)
 * @param localTimeZone the zone of a start time written without an offset, or null when the format
 *     requires an offset (a local time in JSON or CSV is ambiguous, so it is refused)
 */
record CdrFields(Map<String, String> values, Set<String> unreadable, ZoneId localTimeZone) {
    CdrFields {
        values = Collections.unmodifiableMap(new HashMap<>(values)); // Map.copyOf refuses null values
        unreadable = Set.copyOf(unreadable);
    }

    /** Values in the order of {@link CdrCsv#COLUMNS}. */
    static CdrFields ofColumns(List<String> columns, ZoneId localTimeZone) {
        if (columns.size() != CdrCsv.COLUMNS.size())
            throw new IllegalArgumentException("expected " + CdrCsv.COLUMNS.size() + " columns, got " + columns.size());
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) values.put(CdrCsv.COLUMNS.get(i), columns.get(i));
        return new CdrFields(values, Set.of(), localTimeZone);
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
