package dev.switchboard.ivr;

import static dev.switchboard.ivr.IvrFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.mediation.AccountingView;
import dev.switchboard.mediation.Counts;
import dev.switchboard.mediation.ErrorRecord;
import dev.switchboard.mediation.RawRecord;
import dev.switchboard.mediation.RawRecords;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
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

/** {@link IvrTopology} on a {@link TopologyTestDriver}: raw sessions in; clean sessions keyed by id, error records and counters out. */
class IvrTopologyTest {
    private static final Instant NOW = Instant.parse("2026-03-03T00:00:00Z");
    private static final Duration TTL = Duration.ofHours(1);

    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, IvrSession> clean;
    private TestOutputTopic<String, ErrorRecord> errors;

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        IvrTopology.build(builder, new IvrMediator(), TTL);
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "ivr-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(builder.build(), p, NOW);
        raw = driver.createInputTopic(IvrTopics.RAW.name(), new StringSerializer(), new ByteArraySerializer());
        clean = driver.createOutputTopic(IvrTopics.CLEAN.name(), new StringDeserializer(), IvrTopics.CLEAN.valueSerde().deserializer());
        errors = driver.createOutputTopic(IvrTopics.ERROR.name(), new StringDeserializer(), IvrTopics.ERROR.valueSerde().deserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void cleanSessionIsKeyedBySessionIdAndCounted() {
        send("a", NOW, session().put("session_id", " s-9 ").toString());
        KeyValue<String, IvrSession> out = clean.readKeyValue();
        assertThat(out.key).isEqualTo("s-9");
        assertThat(out.value.sessionId()).isEqualTo("s-9");
        assertThat(out.value.turns()).hasSize(2);
        assertThat(errors.isEmpty()).isTrue();
        assertThat(counts("a")).isEqualTo(new Counts(1, 1, 0, 0));
    }

    @Test
    void rejectedSessionGoesToTheErrorTopicWithReasonsAndRawPayload() {
        String payload = session().put("call_end_time", "2026-03-02T09:00:00Z").toString();
        send("a", NOW, payload);
        ErrorRecord e = errors.readValue();
        assertThat(e.kind()).isEqualTo("ivr");
        assertThat(e.reasonText()).isEqualTo("END_BEFORE_START:call_end_time");
        assertThat(e.raw()).isEqualTo(payload);
        assertThat(e.source()).isEqualTo("a");
        assertThat(clean.isEmpty()).isTrue();
        assertThat(counts("a")).isEqualTo(new Counts(1, 0, 1, 0));
    }

    @Test
    void aRepeatWithinTheTtlIsDroppedEvenWhenWrittenDifferently() {
        ObjectNode s = session();
        send("a", NOW, s.toString());
        // The same session after cleaning: other spacing, case and flag words.
        send("a", NOW.plusSeconds(60), s.put("resolution_status", "resolved").put("escalation_flag", "no").put("customer_id", " c-1 ").toString());
        send("b", NOW.plus(TTL).plusSeconds(120), s.toString());
        assertThat(clean.readValuesToList()).hasSize(2);
        assertThat(counts("a")).isEqualTo(new Counts(2, 1, 0, 1));
        assertThat(counts("b")).isEqualTo(new Counts(1, 1, 0, 0));
    }

    @Test
    void aChangedSessionWithTheSameIdIsNotADuplicate() {
        send("a", NOW, session().toString());
        send("a", NOW, session().put("customer_sentiment", "Negative").toString());
        assertThat(clean.readValuesToList()).extracting(IvrSession::customerSentiment).containsExactly("Positive", "Negative");
    }

    private void send(String source, Instant receivedAt, String payload) {
        ProducerRecord<String, byte[]> r = RawRecords.toKafka(IvrTopics.RAW.name(), new RawRecord(source, IvrMediator.FORMAT, receivedAt, payload));
        raw.pipeInput(new TestRecord<>(null, r.value(), r.headers(), r.timestamp()));
    }

    private Counts counts(String source) {
        Map<String, Counts> out = new TreeMap<>();
        for (String name : IvrTopology.COUNTER_STORES) {
            KeyValueStore<String, Long> store = driver.getKeyValueStore(name);
            try (KeyValueIterator<String, Long> it = store.all()) {
                while (it.hasNext()) AccountingView.add(out, it.next());
            }
        }
        return out.getOrDefault(source, Counts.ZERO);
    }
}
