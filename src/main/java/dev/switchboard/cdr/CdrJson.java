package dev.switchboard.cdr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.switchboard.platform.Json;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code cdr-json} wire format: one JSON object with the {@link Cdr} field names. Strings and
 * numbers are taken as their text (an id or a number may arrive as a JSON number); whether the text
 * means anything is for the rules to judge, so {@code "duration_sec": 1.5} reaches them as {@code "1.5"}.
 */
final class CdrJson {
    // Without this, "{...} garbage" would pass as the object before the garbage.
    private static final ObjectReader READER = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private CdrJson() {}

    /** Throws IllegalArgumentException when the payload is not exactly one JSON object. */
    static CdrFields fields(String payload) {
        JsonNode root;
        try {
            root = READER.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException("not a JSON object");
        Map<String, String> values = new HashMap<>();
        Set<String> unreadable = new HashSet<>();
        for (String field : CdrCsv.COLUMNS) {
            JsonNode node = root.get(field);
            if (node == null || node.isNull()) continue;
            if (node.isTextual() || node.isNumber()) values.put(field, node.asText());
            else unreadable.add(field);
        }
        return new CdrFields(values, unreadable, null);
    }
}
