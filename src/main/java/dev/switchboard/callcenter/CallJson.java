package dev.switchboard.callcenter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.switchboard.platform.Json;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code call-json} wire format: one JSON object with the {@link CallEvent} field names. Strings
 * and numbers are taken as their text; whether the text means anything is for {@link CallValidator}.
 */
final class CallJson {
    static final List<String> FIELDS = List.of(
            "call_id", "event", "time", "queue", "caller_number", "agent", "wait_sec", "talk_sec", "subject", "product",
            "dialled_number");
    // Without this, "{...} garbage" would pass as the object before the garbage.
    private static final ObjectReader READER = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private CallJson() {}

    /** Throws IllegalArgumentException when the payload is not exactly one JSON object. */
    static CallFields fields(String payload) {
        JsonNode root;
        try {
            root = READER.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException("not a JSON object");
        Map<String, String> values = new HashMap<>();
        Set<String> unreadable = new HashSet<>();
        for (String field : FIELDS) {
            JsonNode node = root.get(field);
            if (node == null || node.isNull()) continue;
            if (node.isTextual() || node.isNumber()) values.put(field, node.asText());
            else unreadable.add(field);
        }
        return new CallFields(values, unreadable);
    }
}
