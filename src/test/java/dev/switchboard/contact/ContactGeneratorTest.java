package dev.switchboard.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.mediation.RawRecord;
import dev.switchboard.mediation.RawRecords;
import dev.switchboard.platform.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactGeneratorTest {
    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    @TempDir Path stateDir;

    private static List<String> generate(long count, long seed, double errors, double duplicates, ContactGenerator[] out) {
        ContactGenerator g = new ContactGenerator(new ContactGenerator.Workload(count, seed, START, errors, duplicates, 0.1, 0.2, 0.2));
        List<String> lines = new ArrayList<>();
        g.forEachRemaining(lines::add);
        if (out != null) out[0] = g;
        return lines;
    }

    @Test
    void theSameSeedGivesTheSameRecordsAndEveryLineIsOneRecord() throws Exception {
        assertThat(generate(200, 7, 0.05, 0.05, null)).isEqualTo(generate(200, 7, 0.05, 0.05, null)).hasSize(200);
        assertThat(generate(200, 8, 0.05, 0.05, null)).isNotEqualTo(generate(200, 7, 0.05, 0.05, null));
    }

    @Test
    void contactsHaveQueuesAgentsOrAbandonsAndTransfersLinkedByInitialContactId() throws Exception {
        Map<String, JsonNode> byId = new HashMap<>();
        for (String line : generate(400, 3, 0, 0, null)) {
            JsonNode n = Json.MAPPER.readTree(line);
            byId.put(n.path("ContactId").asText(), n);
        }
        long abandoned = byId.values().stream().filter(n -> n.path("Agent").isNull()).count();
        List<JsonNode> transfers = byId.values().stream().filter(n -> n.path("InitiationMethod").asText().equals("TRANSFER")).toList();
        assertThat(abandoned).isPositive();
        assertThat(transfers).isNotEmpty().allSatisfy(t -> {
            JsonNode first = byId.get(t.path("InitialContactId").asText());
            assertThat(first).isNotNull();
            assertThat(first.path("NextContactId").asText()).isEqualTo(t.path("ContactId").asText());
            assertThat(t.path("PreviousContactId").asText()).isEqualTo(first.path("ContactId").asText());
        });
        assertThat(byId.values()).allSatisfy(n -> assertThat(n.path("Queue").path("Name").asText()).isNotBlank());
    }

    @Test
    void throughTheRealTopologyTheCountersAreExactlyWhatTheGeneratorWrote() {
        ContactGenerator[] g = new ContactGenerator[1];
        List<String> lines = generate(300, 11, 0.05, 0.08, g);
        ContactGenerator.Counts wrote = g[0].counts();
        assertThat(wrote.updates()).isPositive();
        assertThat(wrote.replays()).isPositive();
        assertThat(wrote.errors()).isPositive();

        StreamsBuilder builder = new StreamsBuilder();
        ContactTopology.build(builder, Duration.ofHours(24));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "ctr-gen-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props, START)) {
            TestInputTopic<String, byte[]> raw = driver.createInputTopic(ContactTopics.RAW.name(), new StringSerializer(), new ByteArraySerializer());
            for (String line : lines) {
                ProducerRecord<String, byte[]> r = RawRecords.toKafka(ContactTopics.RAW.name(), new RawRecord("gen", ContactTopics.FORMAT, START, line));
                raw.pipeInput(new TestRecord<>(null, r.value(), r.headers(), START));
            }
            Map<String, ContactCounts> by = new HashMap<>();
            for (String name : List.of(ContactTopology.INTAKE_COUNTS, ContactTopology.VERSION_COUNTS)) {
                KeyValueStore<String, Long> store = driver.getKeyValueStore(name);
                try (KeyValueIterator<String, Long> it = store.all()) {
                    while (it.hasNext()) ContactAccounting.add(by, it.next());
                }
            }
            assertThat(by.get("gen")).isEqualTo(new ContactCounts(wrote.total(), wrote.newContacts(), wrote.updates(), wrote.replays(), 0, wrote.errors()));
        }
    }
}
