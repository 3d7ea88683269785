package dev.switchboard.cdr;

import static dev.switchboard.cdr.CdrFixtures.ABSENT;
import static dev.switchboard.cdr.CdrFixtures.ASTERISK_18;
import static dev.switchboard.cdr.CdrFixtures.ASTERISK_NO_ANSWER;
import static dev.switchboard.cdr.CdrFixtures.NOW;
import static dev.switchboard.cdr.CdrFixtures.asteriskWith;
import static dev.switchboard.cdr.CdrFixtures.voiceCdr;
import static dev.switchboard.cdr.CdrFixtures.voiceCsv;
import static dev.switchboard.cdr.CdrFixtures.voiceJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.mediation.Counter;
import dev.switchboard.mediation.Counts;
import dev.switchboard.mediation.ErrorRecord;
import dev.switchboard.mediation.RawRecord;
import dev.switchboard.mediation.RawRecords;
import dev.switchboard.mediation.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The very topology of {@link CdrMediationTopology#build} on a {@link TopologyTestDriver}: raw records in,
 * clean and error records and the per-source counters out. Mediation judges a record against its own
 * time received (the record timestamp), so every instant here is a named one.
 */
class CdrMediationTopologyTest {
    private static final Duration TTL = Duration.ofHours(1);
    /** Asterisk writes local time; this zone is five hours behind UTC on these dates. */
    private static final ZoneId PBX_ZONE = ZoneId.of("America/New_York");
    /** Received late enough that the Asterisk fixtures (10:00 New York = 15:00Z) lie in the past. */
    private static final Instant ASTERISK_RECEIVED = Instant.parse("2026-03-01T16:00:00Z");
    private static final String SOURCE = "test-source";
    private static final String KEY = "raw-key-7";
    /** Non-ASCII text, so "kept byte for byte" means more than ASCII. */
    private static final String OPERATOR = "Télécom ☎";

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, Cdr> clean;
    private TestOutputTopic<String, ErrorRecord> errors;

    @BeforeEach
    void startDriver() {
        CdrRules rules = new CdrRules("US", PBX_ZONE, CdrRules.DEFAULT_FUTURE_TOLERANCE, CdrRules.DEFAULT_MAX_AGE,
                CdrRules.DEFAULT_MAX_DURATION_SEC, CdrRules.DEFAULT_EXTENSION_MAX_DIGITS);
        StreamsBuilder builder = new StreamsBuilder();
        CdrMediationTopology.build(builder, new CdrMediator(rules), TTL);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "cdr-mediation-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(builder.build(), props, NOW);
        raw = driver.createInputTopic(CdrTopics.RAW.name(), new StringSerializer(), new ByteArraySerializer());
        clean = driver.createOutputTopic(CdrTopics.CLEAN.name(), new StringDeserializer(), CdrTopics.CLEAN.valueSerde().deserializer());
        errors = driver.createOutputTopic(CdrTopics.ERROR.name(), new StringDeserializer(), CdrTopics.ERROR.valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    // ---- validation, one case per reason and format ----

    static Stream<Arguments> jsonRejections() {
        return Stream.of(
                rejection("UNPARSABLE", "{\"id\":\"c-1\",\"operator\":\"" + OPERATOR + "\"", CdrReason.UNPARSABLE, null),
                rejection("MISSING_FIELD", json("id", ABSENT), CdrReason.MISSING_FIELD, "id"),
                rejection("INVALID_VALUE", json("start_time", "yesterday at noon"), CdrReason.INVALID_VALUE, "start_time"),
                rejection("INVALID_NUMBER", json("calling_number", "anonymous"), CdrReason.INVALID_NUMBER, "calling_number"),
                rejection("UNKNOWN_TYPE", json("type", "FAX"), CdrReason.UNKNOWN_TYPE, "type"),
                rejection("UNKNOWN_RESULT", json("result", "MAYBE"), CdrReason.UNKNOWN_RESULT, "result"),
                rejection("NEGATIVE_DURATION", json("duration_sec", -5), CdrReason.NEGATIVE_DURATION, "duration_sec"),
                rejection("DURATION_TOO_LONG", json("duration_sec", 86_401), CdrReason.DURATION_TOO_LONG, "duration_sec"),
                rejection("SMS_WITH_DURATION", json("type", "SMS", "duration_sec", 12), CdrReason.SMS_WITH_DURATION, "duration_sec"),
                rejection("FUTURE_START", json("start_time", "2026-03-01T12:06:00Z"), CdrReason.FUTURE_START, "start_time"),
                rejection("START_TOO_OLD", json("start_time", "2000-01-01T00:00:00Z"), CdrReason.START_TOO_OLD, "start_time"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonRejections")
    void cdrJsonRejectionLandsOnTheErrorTopicWithItsReasonAndRawPayload(String name, String payload, Reason reason) {
        assertRejectedEndToEnd("cdr-json", NOW, payload, reason);
    }

    static Stream<Arguments> csvRejections() {
        return Stream.of(
                rejection("UNPARSABLE", "c-1,2015550123,+442079460958,\"" + OPERATOR, CdrReason.UNPARSABLE, null),
                rejection("MISSING_FIELD", csv("called_number", ABSENT), CdrReason.MISSING_FIELD, "called_number"),
                rejection("INVALID_VALUE", csv("duration_sec", "1.5"), CdrReason.INVALID_VALUE, "duration_sec"),
                rejection("INVALID_NUMBER", csv("called_number", "2015550"), CdrReason.INVALID_NUMBER, "called_number"),
                rejection("UNKNOWN_TYPE", csv("type", "MMS"), CdrReason.UNKNOWN_TYPE, "type"),
                rejection("UNKNOWN_RESULT", csv("result", "ROUTED"), CdrReason.UNKNOWN_RESULT, "result"),
                rejection("NEGATIVE_DURATION", csv("duration_sec", "-1"), CdrReason.NEGATIVE_DURATION, "duration_sec"),
                rejection("DURATION_TOO_LONG", csv("duration_sec", "100000"), CdrReason.DURATION_TOO_LONG, "duration_sec"),
                rejection("SMS_WITH_DURATION", csv("type", "SMS", "duration_sec", "3"), CdrReason.SMS_WITH_DURATION, "duration_sec"),
                rejection("FUTURE_START", csv("start_time", "2026-03-01T13:10:00+01:00"), CdrReason.FUTURE_START, "start_time"),
                rejection("START_TOO_OLD", csv("start_time", "1999-12-31T23:59:59Z"), CdrReason.START_TOO_OLD, "start_time"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("csvRejections")
    void cdrCsvRejectionLandsOnTheErrorTopicWithItsReasonAndRawPayload(String name, String payload, Reason reason) {
        assertRejectedEndToEnd("cdr-csv", NOW, payload, reason);
    }

    /**
     * Asterisk lines are always VOICE with a duration, so UNKNOWN_TYPE and SMS_WITH_DURATION cannot occur.
     * FUTURE_START: 11:10 in New York is 16:10Z, past the 16:05Z tolerance (in UTC it would be clean).
     */
    static Stream<Arguments> asteriskRejections() {
        return Stream.of(
                rejection("UNPARSABLE", "\"\",\"2015550123\",\"6502530000\",\"" + OPERATOR + "\"", CdrReason.UNPARSABLE, null),
                rejection("MISSING_FIELD", asterisk(1, ""), CdrReason.MISSING_FIELD, "calling_number"),
                rejection("INVALID_VALUE", asterisk(9, "2026-02-30 10:00:00"), CdrReason.INVALID_VALUE, "start_time"),
                rejection("INVALID_NUMBER", asterisk(2, "s"), CdrReason.INVALID_NUMBER, "called_number"),
                rejection("UNKNOWN_RESULT", asterisk(14, "TRANSFERRED"), CdrReason.UNKNOWN_RESULT, "result"),
                rejection("NEGATIVE_DURATION", asterisk(13, "-1"), CdrReason.NEGATIVE_DURATION, "duration_sec"),
                rejection("DURATION_TOO_LONG", asterisk(13, "86401"), CdrReason.DURATION_TOO_LONG, "duration_sec"),
                rejection("FUTURE_START", asterisk(9, "2026-03-01 11:10:00"), CdrReason.FUTURE_START, "start_time"),
                rejection("START_TOO_OLD", asterisk(9, "1990-01-01 00:00:00"), CdrReason.START_TOO_OLD, "start_time"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("asteriskRejections")
    void asteriskRejectionLandsOnTheErrorTopicWithItsReasonAndRawPayload(String name, String payload, Reason reason) {
        assertRejectedEndToEnd("asterisk-cdr", ASTERISK_RECEIVED, payload, reason);
    }

    @Test
    void everyReasonIsCoveredEndToEnd() {
        List<String> covered = Stream.of(jsonRejections(), csvRejections(), asteriskRejections())
                .flatMap(s -> s).map(a -> (String) a.get()[0]).distinct().sorted().toList();
        assertThat(covered).containsExactlyInAnyOrderElementsOf(
                Stream.of(CdrReason.values()).map(Enum::name).toList());
    }

    @Test
    void unknownFormatHeaderIsRejectedAsUnparsableWithTheFormatKept() {
        send(KEY, SOURCE, "cdr-xml", NOW, voiceJson());
        ErrorRecord error = singleError();
        assertThat(error.format()).isEqualTo("cdr-xml");
        assertThat(error.reasons()).containsExactly(Reason.of(CdrReason.UNPARSABLE));
        assertThat(clean.isEmpty()).isTrue();
    }

    // ---- normalization ----

    @Test
    void nationalNumbersLeaveAsE164KeyedByTheNormalizedCallingNumber() {
        send(KEY, SOURCE, "cdr-json", NOW, voiceJson("calling_number", "(201) 555-0123", "called_number", "650.253.0000"));
        KeyValue<String, Cdr> out = clean.readKeyValue();
        assertThat(out.key).isEqualTo("+12015550123");
        assertThat(out.value.callingNumber()).isEqualTo("+12015550123");
        assertThat(out.value.calledNumber()).isEqualTo("+16502530000");
        assertThat(clean.isEmpty()).isTrue();
        assertThat(errors.isEmpty()).isTrue();
    }

    @Test
    void validJsonLeavesAsTheCleanCdr() {
        send(KEY, SOURCE, "cdr-json", NOW, voiceJson());
        assertThat(clean.readKeyValue()).isEqualTo(KeyValue.pair("+12015550123", voiceCdr()));
    }

    @Test
    void smsLeavesWithoutADuration() {
        send(KEY, SOURCE, "cdr-json", NOW, voiceJson("id", "sms-1", "type", "SMS", "duration_sec", ABSENT));
        send(KEY, SOURCE, "cdr-csv", NOW, voiceCsv("id", "sms-2", "type", "sms", "duration_sec", "0"));
        List<Cdr> out = clean.readValuesToList();
        assertThat(out).extracting(Cdr::id).containsExactly("sms-1", "sms-2");
        assertThat(out).allSatisfy(cdr -> {
            assertThat(cdr.type()).isEqualTo(CdrType.SMS);
            assertThat(cdr.durationSec()).isNull();
        });
    }

    @Test
    void smsOnTheCleanTopicHasNoDurationField() {
        send(KEY, SOURCE, "cdr-json", NOW, voiceJson("type", "SMS", "duration_sec", ABSENT));
        var text = driver.createOutputTopic(CdrTopics.CLEAN.name(), new StringDeserializer(), new StringDeserializer());
        assertThat(text.readValue()).doesNotContain("duration_sec").contains("\"type\":\"SMS\"");
    }

    @Test
    void asteriskLineLeavesWithItsLocalStartReadInTheSourceZone() {
        send(KEY, SOURCE, "asterisk-cdr", ASTERISK_RECEIVED, ASTERISK_18);
        KeyValue<String, Cdr> out = clean.readKeyValue();
        assertThat(out.key).isEqualTo("+12015550123");
        assertThat(out.value.startTime()).isEqualTo(Instant.parse("2026-03-01T15:00:00Z"));
        assertThat(out.value.calledNumber()).isEqualTo("+16502530000");
        assertThat(out.value.durationSec()).isEqualTo(60);
    }

    @Test
    void extensionIsKeptAsTheKey() {
        send(KEY, SOURCE, "asterisk-cdr", ASTERISK_RECEIVED, ASTERISK_NO_ANSWER);
        KeyValue<String, Cdr> out = clean.readKeyValue();
        assertThat(out.key).isEqualTo("1500");
        assertThat(out.value.result()).isEqualTo(CdrResult.NO_ANSWER);
    }

    // ---- records from a foreign producer ----

    @Test
    void payloadWithoutHeadersIsReadAsCdrJsonFromSourceKafka() {
        raw.pipeInput(new TestRecord<>(null, voiceJson().getBytes(StandardCharsets.UTF_8), new RecordHeaders(), NOW));
        raw.pipeInput(new TestRecord<>(null, voiceJson("id", ABSENT).getBytes(StandardCharsets.UTF_8), new RecordHeaders(), NOW));

        assertThat(clean.readValuesToList()).containsExactly(voiceCdr());
        ErrorRecord error = singleError();
        assertThat(error.source()).isEqualTo(RawRecords.FOREIGN_SOURCE);
        assertThat(error.format()).isEqualTo("cdr-json");
        assertThat(error.receivedAt()).isEqualTo(NOW);
        assertThat(countsBySource()).containsExactly(Map.entry("kafka", new Counts(2, 1, 1, 0)));
    }

    @Test
    void nullValueIsAnUnparsableRecordNotAFailure() {
        raw.pipeInput(new TestRecord<String, byte[]>(KEY, null, new RecordHeaders(), NOW));
        send(KEY, SOURCE, "cdr-json", NOW, voiceJson());

        ErrorRecord error = singleError();
        assertThat(error.raw()).isEmpty();
        assertThat(error.reasons()).containsExactly(Reason.of(CdrReason.UNPARSABLE));
        assertThat(clean.readValuesToList()).containsExactly(voiceCdr());
    }

    // ---- de-duplication ----

    @Test
    void exactRepeatWithinTheTtlIsDroppedAndCountedDuplicate() {
        send(KEY, SOURCE, "cdr-json", NOW, voiceJson());
        send(KEY, SOURCE, "cdr-json", NOW.plus(Duration.ofMinutes(10)), voiceJson());

        assertThat(clean.readValuesToList()).containsExactly(voiceCdr());
        assertThat(counts(SOURCE)).isEqualTo(new Counts(2, 1, 0, 1));
    }

    @Test
    void repeatAfterTheTtlHasPassedIsCleanAgain() {
        send(KEY, SOURCE, "cdr-json", NOW, voiceJson());
        // Other calls move stream time on past the TTL before the repeat comes.
        send(KEY, SOURCE, "cdr-json", NOW.plus(Duration.ofMinutes(40)), voiceJson("id", "c-2"));
        send(KEY, SOURCE, "cdr-json", NOW.plus(Duration.ofMinutes(80)), voiceJson("id", "c-3"));
        send(KEY, SOURCE, "cdr-json", NOW.plus(Duration.ofMinutes(100)), voiceJson("id", "c-4"));
        send(KEY, SOURCE, "cdr-json", NOW.plus(Duration.ofHours(2)), voiceJson());

        assertThat(clean.readValuesToList()).extracting(Cdr::id).containsExactly("c-1", "c-2", "c-3", "c-4", "c-1");
        assertThat(counts(SOURCE)).isEqualTo(new Counts(5, 5, 0, 0));
    }

    @Test
    void repeatJustInsideTheTtlIsStillADuplicateAfterStreamTimeMovedOn() {
        send(KEY, SOURCE, "cdr-json", NOW, voiceJson());
        send(KEY, SOURCE, "cdr-json", NOW.plus(Duration.ofMinutes(50)), voiceJson("id", "c-2"));
        send(KEY, SOURCE, "cdr-json", NOW.plus(Duration.ofMinutes(59)), voiceJson());

        assertThat(clean.readValuesToList()).extracting(Cdr::id).containsExactly("c-1", "c-2");
        assertThat(counts(SOURCE)).isEqualTo(new Counts(3, 2, 0, 1));
    }

    @Test
    void repeatReceivedEarlierThanTheFirstCopyButWithinTheTtlIsADuplicate() {
        send(KEY, SOURCE, "cdr-json", NOW, voiceJson());
        send(KEY, SOURCE, "cdr-json", NOW.plus(Duration.ofMinutes(15)), voiceJson("id", "c-2"));
        send(KEY, SOURCE, "cdr-json", NOW.minus(Duration.ofMinutes(30)), voiceJson());

        assertThat(clean.readValuesToList()).extracting(Cdr::id).containsExactly("c-1", "c-2");
        assertThat(counts(SOURCE)).isEqualTo(new Counts(3, 2, 0, 1));
    }

    static Stream<Arguments> oneFieldChanged() {
        return Stream.of(
                Arguments.of("id", "c-2"),
                Arguments.of("calling_number", "2015550124"),
                Arguments.of("called_number", "+44 20 7946 0959"),
                Arguments.of("start_time", "2026-03-01T10:15:31Z"),
                Arguments.of("duration_sec", 61),
                Arguments.of("result", "BUSY"),
                Arguments.of("operator", ABSENT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneFieldChanged")
    void recordsDifferingInOneFieldAreBothClean(String field, Object otherValue) {
        send(KEY, SOURCE, "cdr-json", NOW, voiceJson());
        send(KEY, SOURCE, "cdr-json", NOW.plus(Duration.ofMinutes(1)), voiceJson(field, otherValue));

        assertThat(clean.readValuesToList()).hasSize(2).doesNotHaveDuplicates();
        assertThat(counts(SOURCE)).isEqualTo(new Counts(2, 2, 0, 0));
    }

    @Test
    void reformattedButIdenticalRecordIsADuplicate() {
        send(KEY, SOURCE, "cdr-json", NOW, voiceJson());
        send(KEY, SOURCE, "cdr-json", NOW.plus(Duration.ofMinutes(1)), voiceJson(
                "calling_number", "+1 201-555-0123",
                "called_number", "00442079460958",
                "start_time", "2026-03-01T11:15:30+01:00",
                "duration_sec", " 60 ",
                "type", "voice",
                "result", "Answered",
                "operator", " acme "));
        send(KEY, SOURCE, "cdr-csv", NOW.plus(Duration.ofMinutes(2)), voiceCsv("start_time", "2026-03-01T10:15:30.000Z"));

        assertThat(clean.readValuesToList()).containsExactly(voiceCdr());
        assertThat(counts(SOURCE)).isEqualTo(new Counts(3, 1, 0, 2));
    }

    // ---- accounting ----

    @Test
    void everyRecordInIsCountedAsExactlyOneOfCleanErrorOrDuplicate() {
        send(KEY, SOURCE, "cdr-json", NOW, voiceJson());
        send(KEY, SOURCE, "cdr-json", NOW, "not json");
        send(null, SOURCE, "cdr-csv", NOW, voiceCsv());
        send(KEY, SOURCE, "cdr-csv", NOW, voiceCsv("id", "c-2"));
        send(KEY, SOURCE, "asterisk-cdr", ASTERISK_RECEIVED, ASTERISK_18);
        send(KEY, SOURCE, "asterisk-cdr", ASTERISK_RECEIVED, ASTERISK_18);
        send(KEY, SOURCE, "asterisk-cdr", ASTERISK_RECEIVED, asterisk(13, "-4"));
        send(KEY, SOURCE, "cdr-json", NOW, voiceJson("id", "c-3", "type", "SMS", "duration_sec", ABSENT));

        Counts counts = counts(SOURCE);
        assertThat(counts).isEqualTo(new Counts(8, 4, 2, 2));
        assertThat(counts.drained()).isTrue();
        assertThat(clean.readValuesToList()).hasSize(4);
        assertThat(errors.readValuesToList()).hasSize(2);
    }

    @Test
    void countersAreKeptPerSource() {
        String http = "http:alpha";
        String file = "file:calls.csv#1";
        send(KEY, http, "cdr-json", NOW, voiceJson("id", "a-1"));
        send(KEY, http, "cdr-json", NOW, voiceJson("id", "a-2"));
        send(KEY, http, "cdr-json", NOW, voiceJson("id", "a-2"));
        send(KEY, http, "cdr-json", NOW, voiceJson("id", "a-3", "result", "?"));
        send(KEY, file, "cdr-csv", NOW, voiceCsv("id", "b-1"));
        send(KEY, file, "cdr-csv", NOW, "b-2,,,,,,,");
        send(KEY, file, "cdr-csv", NOW, "b-3");
        // The same call through another path is still the same call: a duplicate, on the later source's account.
        send(KEY, file, "cdr-csv", NOW, voiceCsv("id", "a-1"));

        assertThat(countsBySource()).containsExactly(
                Map.entry(file, new Counts(4, 1, 2, 1)),
                Map.entry(http, new Counts(4, 2, 1, 1)));
        assertThat(errors.readValuesToList()).extracting(ErrorRecord::source).containsExactly(http, file, file);
    }

    // ---- helpers ----

    private void assertRejectedEndToEnd(String format, Instant receivedAt, String payload, Reason reason) {
        send(KEY, SOURCE, format, receivedAt, payload);

        TestRecord<String, ErrorRecord> out = errors.readRecord();
        ErrorRecord error = out.value();
        assertThat(out.key()).isEqualTo(KEY);
        assertThat(error.reasons()).containsExactly(reason);
        assertThat(error.kind()).isEqualTo(CdrTopics.KIND);
        assertThat(error.source()).isEqualTo(SOURCE);
        assertThat(error.format()).isEqualTo(format);
        assertThat(error.receivedAt()).isEqualTo(receivedAt);
        assertThat(error.raw().getBytes(StandardCharsets.UTF_8)).isEqualTo(payload.getBytes(StandardCharsets.UTF_8));
        assertThat(errors.isEmpty()).isTrue();
        assertThat(clean.isEmpty()).isTrue();
        assertThat(counts(SOURCE)).isEqualTo(new Counts(1, 0, 1, 0));
    }

    /** Pipes a record as ingest writes it: headers, value and timestamp from {@link RawRecords#toKafka}. */
    private void send(String key, String source, String format, Instant receivedAt, String payload) {
        ProducerRecord<String, byte[]> record =
                RawRecords.toKafka(CdrTopics.RAW.name(), new RawRecord(source, format, receivedAt, payload));
        raw.pipeInput(new TestRecord<>(key, record.value(), record.headers(), record.timestamp()));
    }

    private ErrorRecord singleError() {
        List<ErrorRecord> out = errors.readValuesToList();
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    private Counts counts(String source) {
        return countsBySource().getOrDefault(source, Counts.ZERO);
    }

    /** Both counter stores summed per source, as the accounting view reads them from a running app. */
    private Map<String, Counts> countsBySource() {
        Map<String, Counts> out = new TreeMap<>();
        for (String name : CdrMediationTopology.COUNTER_STORES) {
            KeyValueStore<String, Long> store = driver.getKeyValueStore(name);
            try (KeyValueIterator<String, Long> it = store.all()) {
                while (it.hasNext()) {
                    KeyValue<String, Long> entry = it.next();
                    int cut = entry.key.lastIndexOf('|');
                    Counter counter = Counter.valueOf(entry.key.substring(cut + 1).toUpperCase(Locale.ROOT));
                    out.merge(entry.key.substring(0, cut), Counts.ZERO.plus(counter, entry.value), Counts::plus);
                }
            }
        }
        return out;
    }

    private static Arguments rejection(String name, String payload, CdrReason code, String field) {
        return Arguments.of(name, payload, Reason.of(code, field));
    }

    private static String json(Object... overrides) {
        Object[] withOperator = Stream.concat(Stream.of("operator", OPERATOR), Stream.of(overrides)).toArray();
        return voiceJson(withOperator);
    }

    private static String csv(Object... overrides) {
        Object[] withOperator = Stream.concat(Stream.of("operator", OPERATOR), Stream.of(overrides)).toArray();
        return voiceCsv(withOperator);
    }

    private static String asterisk(int column, String value) {
        return asteriskWith(asteriskWith(ASTERISK_18, 8, "SIP/trunk/" + OPERATOR + ",30"), column, value);
    }
}
