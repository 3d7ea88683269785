package dev.switchboard.contact;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import dev.switchboard.mediation.Mediated;
import dev.switchboard.mediation.Reason;
import dev.switchboard.platform.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one contact record (an Amazon Connect CTR JSON object) into a {@link ContactRecord}, or rejects
 * it with every reason found. Field names are Connect's (case-sensitive, as Connect writes them); fields
 * Switchboard does not know are kept in the canonical JSON, never a reason to reject. Required:
 * {@code ContactId}, {@code InitiationTimestamp} and {@code LastUpdateTimestamp} (the version).
 *
 * <p>The canonical JSON is the record re-written compactly with every object's keys sorted; its SHA-256
 * is the fingerprint of an exact replay, so the same record with its keys in another order or other
 * white space is the same replay. This text is a contract with stored fingerprints.
 */
public final class ContactParser {
    private static final ObjectReader ONE_OBJECT = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectWriter CANONICAL = Json.MAPPER.writer().with(JsonNodeFeature.WRITE_PROPERTIES_SORTED);
    private static final HexFormat HEX = HexFormat.of();

    private ContactParser() {}

    public static Mediated<ContactRecord> parse(byte[] payload) {
        JsonNode root;
        try {
            root = ONE_OBJECT.readTree(payload);
        } catch (IOException | RuntimeException e) {
            return new Mediated.Rejected<>(List.of(Reason.of(ContactReason.UNPARSABLE)));
        }
        if (root == null || !root.isObject()) return new Mediated.Rejected<>(List.of(Reason.of(ContactReason.UNPARSABLE)));
        Fields f = new Fields();
        String contactId = f.required(root, "ContactId");
        Instant initiation = f.requiredInstant(root, "InitiationTimestamp");
        Instant lastUpdate = f.requiredInstant(root, "LastUpdateTimestamp");
        ContactRecord.Queue queue = null;
        JsonNode q = f.object(root, "Queue");
        if (q != null) queue = new ContactRecord.Queue(f.text(q, "Queue.", "Name"), f.text(q, "Queue.", "ARN"), f.instant(q, "Queue.", "EnqueueTimestamp"),
                f.instant(q, "Queue.", "DequeueTimestamp"), f.seconds(q, "Queue.", "Duration"));
        ContactRecord.Agent agent = null;
        JsonNode a = f.object(root, "Agent");
        if (a != null) agent = new ContactRecord.Agent(f.text(a, "Agent.", "Username"), f.instant(a, "Agent.", "ConnectedToAgentTimestamp"),
                f.seconds(a, "Agent.", "AgentInteractionDuration"), f.seconds(a, "Agent.", "CustomerHoldDuration"),
                f.seconds(a, "Agent.", "AfterContactWorkDuration"), f.seconds(a, "Agent.", "NumberOfHolds"));
        String initialContactId = f.text(root, "", "InitialContactId");
        String previousContactId = f.text(root, "", "PreviousContactId");
        String channel = f.text(root, "", "Channel");
        String method = f.text(root, "", "InitiationMethod");
        Instant connected = f.instant(root, "", "ConnectedToSystemTimestamp");
        Instant disconnect = f.instant(root, "", "DisconnectTimestamp");
        String disconnectReason = f.text(root, "", "DisconnectReason");
        String customer = f.endpoint(root, "CustomerEndpoint");
        String system = f.endpoint(root, "SystemEndpoint");
        Map<String, String> attributes = f.attributes(root);
        if (!f.reasons.isEmpty()) return new Mediated.Rejected<>(f.reasons);
        String canonical;
        try {
            canonical = CANONICAL.writeValueAsString(root);
        } catch (JacksonException e) {
            return new Mediated.Rejected<>(List.of(Reason.of(ContactReason.UNPARSABLE)));
        }
        return new Mediated.Clean<>(new ContactRecord(contactId, blankToNull(initialContactId), blankToNull(previousContactId), channel, method,
                initiation, connected, disconnect, lastUpdate, disconnectReason, customer, system, queue, agent, attributes,
                fingerprint(canonical), canonical));
    }

    /** Lower-case hex SHA-256 of the canonical text. */
    static String fingerprint(String canonical) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Reads fields and collects the reasons of those that do not read. */
    private static final class Fields {
        final List<Reason> reasons = new ArrayList<>();

        String required(JsonNode node, String name) {
            String v = text(node, "", name);
            if (v == null || v.isBlank()) {
                if (reasons.stream().noneMatch(r -> name.equals(r.field()))) reasons.add(Reason.of(ContactReason.MISSING_FIELD, name));
                return null;
            }
            return v;
        }

        Instant requiredInstant(JsonNode node, String name) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
                reasons.add(Reason.of(ContactReason.MISSING_FIELD, name));
                return null;
            }
            return instant(node, "", name);
        }

        String text(JsonNode node, String path, String name) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) return null;
            if (!v.isTextual()) {
                reasons.add(Reason.of(ContactReason.INVALID_VALUE, path + name));
                return null;
            }
            return v.asText();
        }

        Instant instant(JsonNode node, String path, String name) {
            String v = text(node, path, name);
            if (v == null || v.isBlank()) return null;
            try {
                return Instant.parse(v);
            } catch (DateTimeException e) {
                try {
                    return OffsetDateTime.parse(v).toInstant();
                } catch (DateTimeException e2) {
                    reasons.add(Reason.of(ContactReason.INVALID_VALUE, path + name));
                    return null;
                }
            }
        }

        /** A whole, non-negative number of seconds (or a count). */
        Long seconds(JsonNode node, String path, String name) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) return null;
            if (v.isNumber() && v.canConvertToExactIntegral() && v.canConvertToLong() && v.asLong() >= 0) return v.asLong();
            reasons.add(Reason.of(ContactReason.INVALID_VALUE, path + name));
            return null;
        }

        JsonNode object(JsonNode node, String name) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) return null;
            if (!v.isObject()) {
                reasons.add(Reason.of(ContactReason.INVALID_VALUE, name));
                return null;
            }
            return v;
        }

        /** The Address of an endpoint object ({Address, Type}). */
        String endpoint(JsonNode node, String name) {
            JsonNode e = object(node, name);
            return e == null ? null : text(e, name + ".", "Address");
        }

        /** Attributes: a flat map; a value that is not text is kept as its JSON. */
        Map<String, String> attributes(JsonNode node) {
            JsonNode v = object(node, "Attributes");
            if (v == null) return Map.of();
            Map<String, String> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                if (e.getValue().isNull()) continue;
                out.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
            }
            return out;
        }
    }
}
