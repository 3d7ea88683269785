package dev.switchboard.contact;

import static dev.switchboard.contact.ContactFixtures.T0;
import static dev.switchboard.contact.ContactFixtures.contact;
import static dev.switchboard.contact.ContactFixtures.transferred;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.mediation.ErrorRecord;
import dev.switchboard.mediation.RawRecord;
import dev.switchboard.mediation.RawRecords;
import dev.switchboard.platform.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The very topology of {@link ContactTopology#build} on a {@link TopologyTestDriver}: raw CTRs in, versions, errors and counters out. */
class ContactTopologyTest {
    private static final Duration TTL = Duration.ofHours(1);
    private static final Instant RECEIVED = Instant.parse("2026-03-02T10:00:00Z");
    private static final String SOURCE = "ctr-test";

    @TempDir Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, ContactVersion> clean;
    private TestOutputTopic<String, ErrorRecord> errors;

    @BeforeEach
    void startDriver() {
        StreamsBuilder builder = new StreamsBuilder();
        ContactTopology.build(builder, TTL);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "ctr-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(builder.build(), props, RECEIVED);
        raw = driver.createInputTopic(ContactTopics.RAW.name(), new StringSerializer(), new ByteArraySerializer());
        clean = driver.createOutputTopic(ContactTopics.CLEAN.name(), new StringDeserializer(), ContactTopics.CLEAN.valueSerde().deserializer());
        errors = driver.createOutputTopic(ContactTopics.ERROR.name(), new StringDeserializer(), ContactTopics.ERROR.valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private void send(Instant received, String payload) {
        ProducerRecord<String, byte[]> r = RawRecords.toKafka(ContactTopics.RAW.name(), new RawRecord(SOURCE, ContactTopics.FORMAT, received, payload));
        raw.pipeInput(new TestRecord<>(null, r.value(), r.headers(), received));
    }

    private void send(String payload) {
        send(RECEIVED, payload);
    }

    private Map<String, Long> counters() {
        Map<String, Long> out = new HashMap<>();
        for (String name : List.of(ContactTopology.INTAKE_COUNTS, ContactTopology.VERSION_COUNTS)) {
            KeyValueStore<String, Long> store = driver.getKeyValueStore(name);
            try (KeyValueIterator<String, Long> it = store.all()) {
                while (it.hasNext()) {
                    KeyValue<String, Long> e = it.next();
                    out.put(e.key.substring(e.key.lastIndexOf('|') + 1), e.value);
                }
            }
        }
        return out;
    }

    private ContactCounts counts() {
        Map<String, ContactCounts> by = new HashMap<>();
        for (String name : List.of(ContactTopology.INTAKE_COUNTS, ContactTopology.VERSION_COUNTS)) {
            KeyValueStore<String, Long> store = driver.getKeyValueStore(name);
            try (KeyValueIterator<String, Long> it = store.all()) {
                while (it.hasNext()) ContactAccounting.add(by, it.next());
            }
        }
        assertThat(by.keySet()).containsOnly(SOURCE);
        return by.get(SOURCE);
    }

    @Test
    void anExactReplayIsDroppedAndCountedEvenWithItsKeysInAnotherOrder() throws Exception {
        ObjectNode c = contact("c-1", 100, "Billing", "ana");
        send(c.toString());
        send(c.toString());
        // The same body re-written: keys reversed and pretty-printed, so the same canonical JSON.
        ObjectNode reversed = Json.MAPPER.createObjectNode();
        List<String> names = new java.util.ArrayList<>();
        c.fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        names.forEach(n -> reversed.set(n, c.get(n)));
        send(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(reversed));

        List<KeyValue<String, ContactVersion>> out = clean.readKeyValuesToList();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).key).isEqualTo("c-1");
        assertThat(out.get(0).value.outcome()).isEqualTo(ContactVersions.Outcome.NEW);
        assertThat(counts()).isEqualTo(new ContactCounts(3, 1, 0, 2, 0, 0));
    }

    @Test
    void aLaterVersionIsForwardedAsAnUpdateAndAnEarlierOneArrivingLateIsStale() {
        send(contact("c-1", 100, "Billing", null).toString());
        send(contact("c-1", 200, "Billing", "ana").toString());
        send(contact("c-1", 150, "Billing", "bob").toString()); // late, older than the kept version
        send(contact("c-1", 200, "Billing", "ana").toString()); // the kept version again: a replay

        List<KeyValue<String, ContactVersion>> out = clean.readKeyValuesToList();
        assertThat(out).extracting(kv -> kv.value.outcome()).containsExactly(ContactVersions.Outcome.NEW, ContactVersions.Outcome.UPDATED);
        assertThat(out.get(1).value.contact().agent().username()).isEqualTo("ana");
        assertThat(out.get(1).value.contact().lastUpdateTimestamp()).isEqualTo(T0.plusSeconds(200));
        assertThat(counts()).isEqualTo(new ContactCounts(4, 1, 1, 1, 1, 0));
    }

    @Test
    void theContactsOfATransferChainAreTwoContactsOfOneChain() {
        send(contact("c-1", 100, "Billing", "ana").toString());
        send(transferred("c-2", "c-1", "c-1", 300, "Retention", "bob").toString());

        List<KeyValue<String, ContactVersion>> out = clean.readKeyValuesToList();
        assertThat(out).extracting(kv -> kv.key).containsExactly("c-1", "c-2");
        assertThat(out).extracting(kv -> kv.value.contact().chainId()).containsExactly("c-1", "c-1");
        assertThat(out.get(1).value.contact().previousContactId()).isEqualTo("c-1");
        assertThat(counts()).isEqualTo(new ContactCounts(2, 2, 0, 0, 0, 0));
    }

    @Test
    void aContactNotSeenForLongerThanTheTtlIsForgottenSoItsReplayIsNewAgain() {
        String body = contact("c-1", 100, "Billing", "ana").toString();
        send(RECEIVED, body);
        send(RECEIVED.plus(TTL).minusSeconds(1), body);                       // within the TTL: a replay
        send(RECEIVED.plus(TTL).plusSeconds(30), contact("c-9", 100, "Billing", null).toString()); // stream time moves on
        send(RECEIVED.plus(TTL).plusSeconds(60), body);                       // past the TTL: forgotten, NEW again
        send(RECEIVED.plus(TTL).plusSeconds(61), contact("c-1", 50, "Billing", "bob").toString()); // older than the re-learned version

        List<KeyValue<String, ContactVersion>> out = clean.readKeyValuesToList();
        assertThat(out).extracting(kv -> kv.key + ":" + kv.value.outcome()).containsExactly("c-1:NEW", "c-9:NEW", "c-1:NEW");
        assertThat(counts()).isEqualTo(new ContactCounts(5, 3, 0, 1, 1, 0));
    }

    @Test
    void theFirstContactOfAChainEntersTheCallPipelineOnceAsCallEventsFromItsOwnSource() {
        TestOutputTopic<String, String> calls = driver.createOutputTopic(dev.switchboard.callcenter.CallTopics.RAW.name(), new StringDeserializer(),
                new StringDeserializer());
        send(contact("c-1", 100, "Billing", "ana").toString());
        send(contact("c-1", 200, "Billing", "ana").toString());                          // an update: no second call
        send(contact("c-1", 100, "Billing", "ana").toString());                          // stale: nothing
        send(transferred("c-2", "c-1", "c-1", 300, "Retention", "bob").toString());      // same chain: no second call
        List<TestRecord<String, String>> out = calls.readRecordsToList();
        assertThat(out).extracting(TestRecord::key).containsOnly("c-1");
        assertThat(out).extracting(r -> dev.switchboard.platform.Json.MAPPER.readTree(r.value()).path("event").asText())
                .containsExactly("QUEUED", "ANSWERED", "ENDED");
        assertThat(out).allSatisfy(r -> {
            RawRecord raw = RawRecords.fromKafka(r.headers(), r.value().getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, "x");
            assertThat(raw.source()).isEqualTo("ctr:" + SOURCE);
            assertThat(raw.format()).isEqualTo("call-json");
        });
    }

    @Test
    void unknownFieldsAreKeptInTheRawJson() throws Exception {
        ObjectNode c = contact("c-1", 100, "Billing", "ana");
        c.put("SomeFutureField", "kept");
        c.putObject("Campaign").putNull("CampaignId");
        ((ObjectNode) c.get("Agent")).putObject("RoutingProfile").put("Name", "Tier 1");
        send(c.toString());

        ContactRecord kept = clean.readValue().contact();
        JsonNode raw = Json.MAPPER.readTree(kept.raw());
        assertThat(raw.path("SomeFutureField").asText()).isEqualTo("kept");
        assertThat(raw.path("Campaign").has("CampaignId")).isTrue();
        assertThat(raw.path("Agent").path("RoutingProfile").path("Name").asText()).isEqualTo("Tier 1");
        assertThat(raw.path("Recording").path("Status").asText()).isEqualTo("AVAILABLE");
        assertThat(raw).isEqualTo(c);
        assertThat(counts()).isEqualTo(new ContactCounts(1, 1, 0, 0, 0, 0));
    }

    @Test
    void malformedJsonAndMissingFieldsGoToTheErrorTopicWithReasonsAndTheRawPayload() {
        String broken = "{\"ContactId\": \"c-1\", \"LastUpdateTimestamp\": ";
        send(broken);
        ObjectNode noId = contact("c-2", 100, "Billing", null);
        noId.remove("ContactId");
        send(noId.toString());
        ObjectNode badTime = contact("c-3", 100, "Billing", null);
        badTime.put("LastUpdateTimestamp", "yesterday");
        send(badTime.toString());

        List<ErrorRecord> out = errors.readValuesToList();
        assertThat(out).extracting(ErrorRecord::reasonText).containsExactly("UNPARSABLE", "MISSING_FIELD:ContactId", "INVALID_VALUE:LastUpdateTimestamp");
        assertThat(out.get(0).raw()).isEqualTo(broken);
        assertThat(out).allSatisfy(e -> {
            assertThat(e.kind()).isEqualTo("ctr");
            assertThat(e.source()).isEqualTo(SOURCE);
            assertThat(e.format()).isEqualTo("ctr-json");
        });
        assertThat(clean.isEmpty()).isTrue();
        assertThat(counts()).isEqualTo(new ContactCounts(3, 0, 0, 0, 0, 3));
    }

    @Test
    void countersReconcileInEqualsNewUpdatedReplayedStaleAndError() {
        send(contact("c-1", 100, "Billing", null).toString());
        send(contact("c-1", 100, "Billing", null).toString());
        send(contact("c-1", 200, "Billing", "ana").toString());
        send(contact("c-1", 150, "Billing", "ana").toString());
        send(contact("c-2", 100, "Sales", "bob").toString());
        send("not json at all");
        ContactCounts c = counts();
        assertThat(c).isEqualTo(new ContactCounts(6, 2, 1, 1, 1, 1));
        assertThat(c.drained()).isTrue();
        assertThat(c.asCounts()).isEqualTo(new dev.switchboard.mediation.Counts(6, 3, 1, 2));
        assertThat(counters()).containsKeys("in", "new", "updated", "replayed", "stale", "error");
    }
}
