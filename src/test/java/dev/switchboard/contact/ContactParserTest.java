package dev.switchboard.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.mediation.Mediated;
import dev.switchboard.platform.Json;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactParserTest {
    static String fixture() throws Exception {
        try (InputStream in = ContactParserTest.class.getResourceAsStream("/contact/ctr_transfer_pair.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static ContactRecord clean(String json) {
        Mediated<ContactRecord> m = ContactParser.parse(json.getBytes(StandardCharsets.UTF_8));
        assertThat(m).isInstanceOf(Mediated.Clean.class);
        return ((Mediated.Clean<ContactRecord>) m).value();
    }

    static List<String> reasons(String json) {
        Mediated<ContactRecord> m = ContactParser.parse(json.getBytes(StandardCharsets.UTF_8));
        assertThat(m).as(json).isInstanceOf(Mediated.Rejected.class);
        return ((Mediated.Rejected<ContactRecord>) m).reasons().stream().map(Object::toString).toList();
    }

    static String with(String json, String field, Object value) throws Exception {
        ObjectNode node = (ObjectNode) Json.MAPPER.readTree(json);
        if (value == null) node.remove(field);
        else node.set(field, Json.MAPPER.valueToTree(value));
        return node.toString();
    }

    @Test
    void readsTheFieldsSwitchboardUses() throws Exception {
        ContactRecord c = clean(fixture());
        assertThat(c.contactId()).isEqualTo("a3c1e0f2-7b44-4f1e-9d2a-3e5b6c7d8e90");
        assertThat(c.chainId()).isEqualTo(c.contactId());
        assertThat(c.initialContactId()).isNull();
        assertThat(c.channel()).isEqualTo("VOICE");
        assertThat(c.initiationMethod()).isEqualTo("INBOUND");
        assertThat(c.initiationTimestamp()).isEqualTo(Instant.parse("2026-03-02T09:08:29Z"));
        assertThat(c.connectedToSystemTimestamp()).isEqualTo(Instant.parse("2026-03-02T09:08:30Z"));
        assertThat(c.disconnectTimestamp()).isEqualTo(Instant.parse("2026-03-02T09:16:10Z"));
        assertThat(c.lastUpdateTimestamp()).isEqualTo(Instant.parse("2026-03-02T09:17:41Z"));
        assertThat(c.disconnectReason()).isEqualTo("AGENT_DISCONNECT");
        assertThat(c.customerEndpoint()).isEqualTo("+447700900123");
        assertThat(c.systemEndpoint()).isEqualTo("+442079460000");
        assertThat(c.queue()).isEqualTo(new ContactRecord.Queue("Billing", "arn:aws:connect:eu-west-2:210987654321:instance/x/queue/z",
                Instant.parse("2026-03-02T09:08:36Z"), Instant.parse("2026-03-02T09:10:58Z"), 142L));
        assertThat(c.agent()).isEqualTo(new ContactRecord.Agent("maria.lopez", Instant.parse("2026-03-02T09:10:58Z"), 312L, 45L, 30L, 1L));
        assertThat(c.attributes()).isEqualTo(Map.of("intent", "billing", "vip", "N", "lang", "en-GB"));
    }

    @Test
    void unknownFieldsAreKeptAndTheFingerprintIgnoresKeyOrderAndWhiteSpace() throws Exception {
        String json = fixture();
        ContactRecord c = clean(with(json, "SomeFieldConnectAddsNextYear", Map.of("b", 2, "a", 1)));
        assertThat(Json.MAPPER.readTree(c.raw()).get("SomeFieldConnectAddsNextYear").get("a").asInt()).isEqualTo(1);
        assertThat(Json.MAPPER.readTree(c.raw()).get("VoiceIdResult").isObject()).isTrue();
        assertThat(c.raw()).startsWith("{\"AWSAccountId\"").contains("\"SomeFieldConnectAddsNextYear\":{\"a\":1,\"b\":2}");

        // The same record compact, keys in another order: the same canonical text, the same fingerprint.
        ObjectNode reordered = Json.MAPPER.createObjectNode();
        List<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> fields = new java.util.ArrayList<>(Json.MAPPER.readTree(json).properties());
        java.util.Collections.reverse(fields);
        fields.forEach(e -> reordered.set(e.getKey(), e.getValue()));
        ContactRecord original = clean(json), again = clean(reordered.toString());
        assertThat(again.raw()).isEqualTo(original.raw());
        assertThat(again.fingerprint()).isEqualTo(original.fingerprint()).hasSize(64).matches("[0-9a-f]+");
        // Any change of content is another fingerprint.
        assertThat(clean(with(json, "LastUpdateTimestamp", "2026-03-02T09:20:00Z")).fingerprint()).isNotEqualTo(original.fingerprint());
    }

    @Test
    void aTransferredContactBelongsToItsInitialContactsChain() throws Exception {
        ContactRecord c = clean(with(with(fixture(), "InitialContactId", "a3c1e0f2-0000-4f1e-9d2a-3e5b6c7d8e90"), "InitiationMethod", "TRANSFER"));
        assertThat(c.chainId()).isEqualTo("a3c1e0f2-0000-4f1e-9d2a-3e5b6c7d8e90");
        assertThat(clean(with(fixture(), "InitialContactId", "")).chainId()).isEqualTo("a3c1e0f2-7b44-4f1e-9d2a-3e5b6c7d8e90");
    }

    @Test
    void aContactInProgressHasNoDisconnectNorAgentYet() throws Exception {
        String json = with(with(with(fixture(), "DisconnectTimestamp", null), "Agent", null), "DisconnectReason", null);
        ContactRecord c = clean(json);
        assertThat(c.disconnectTimestamp()).isNull();
        assertThat(c.agent()).isNull();
        assertThat(clean(with(fixture(), "Queue", null)).queue()).isNull();
    }

    @Test
    void requiredFieldsAndBadValuesAreReasonsAllTogether() throws Exception {
        String json = fixture();
        assertThat(reasons(with(json, "ContactId", null))).containsExactly("MISSING_FIELD:ContactId");
        assertThat(reasons(with(json, "ContactId", " "))).containsExactly("MISSING_FIELD:ContactId");
        assertThat(reasons(with(json, "LastUpdateTimestamp", null))).containsExactly("MISSING_FIELD:LastUpdateTimestamp");
        assertThat(reasons(with(with(json, "InitiationTimestamp", "yesterday"), "ContactId", 42)))
                .containsExactly("INVALID_VALUE:ContactId", "INVALID_VALUE:InitiationTimestamp");
        assertThat(reasons(with(json, "Queue", "Billing"))).containsExactly("INVALID_VALUE:Queue");
        ObjectNode badQueue = (ObjectNode) Json.MAPPER.readTree(json);
        ((ObjectNode) badQueue.get("Queue")).put("Duration", -5).put("EnqueueTimestamp", "2026-13-02T09:08:36Z");
        assertThat(reasons(badQueue.toString())).containsExactly("INVALID_VALUE:Queue.EnqueueTimestamp", "INVALID_VALUE:Queue.Duration");
        ((ObjectNode) badQueue.get("Queue")).put("Duration", 1.5).put("EnqueueTimestamp", "2026-03-02T10:08:36+01:00");
        assertThat(reasons(badQueue.toString())).containsExactly("INVALID_VALUE:Queue.Duration");
        ((ObjectNode) badQueue.get("Queue")).put("Duration", 142.0);
        assertThat(clean(badQueue.toString()).queue().enqueueTimestamp()).isEqualTo(Instant.parse("2026-03-02T09:08:36Z"));
    }

    @Test
    void whatIsNotOneJsonObjectIsUnparsable() throws Exception {
        String json = fixture();
        for (String bad : List.of("", "   ", "not json", "[" + json + "]", json + json, json.substring(0, json.length() / 2), "null", "42",
                "\"text\"", "{\"ContactId\": }", "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000)))
            assertThat(reasons(bad)).as(bad.length() > 60 ? bad.substring(0, 60) : bad).containsExactly("UNPARSABLE");
    }
}
