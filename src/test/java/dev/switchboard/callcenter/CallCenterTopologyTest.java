package dev.switchboard.callcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.switchboard.callcenter.asterisk.QueueLogItem;
import dev.switchboard.callcenter.asterisk.QueueLogReader;
import dev.switchboard.callcenter.live.BucketRow;
import dev.switchboard.callcenter.live.CallCenterView;
import dev.switchboard.callcenter.live.DaySummary;
import dev.switchboard.callcenter.live.Kpis;
import dev.switchboard.callcenter.live.LiveSnapshot;
import dev.switchboard.callcenter.live.MetricsRules;
import dev.switchboard.callcenter.live.ServiceLevel;
import dev.switchboard.callcenter.live.StoreLookup;
import dev.switchboard.callcenter.live.Thresholds;
import dev.switchboard.mediation.ErrorRecord;
import dev.switchboard.mediation.RawRecords;
import dev.switchboard.mediation.RawRecord;
import dev.switchboard.platform.Json;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole call-center pipeline fed a small hand-written Asterisk queue_log, with the figures worked out by hand. */
class CallCenterTopologyTest {
    private static final Instant NINE = Instant.parse("2026-01-15T09:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-01-15");
    private static final Caller KNOWN = new Caller("+12015550101", 34, Sex.F, "Newark", List.of("FIBER_100"));
    private final CallerDirectory directory = new CallerDirectory() {
        @Override
        public Optional<Caller> byNumber(String e164) {
            return KNOWN.number().equals(e164) ? Optional.of(KNOWN) : Optional.empty();
        }

        @Override
        public List<Caller> all() {
            return List.of(KNOWN);
        }
    };
    /** Records what it was told of each arrival; predicts COMPLAINT for a known caller and OTHER for anyone else. */
    private final List<Arrival> arrivals = new java.util.ArrayList<>();
    private final ArrivalPredictor predictor = a -> {
        arrivals.add(a);
        return Optional.of(a.caller() != null
                ? new CallPrediction(a.callId(), a.queuedAt(), CallSubject.COMPLAINT, Map.of(CallSubject.COMPLAINT, 0.75, CallSubject.OTHER, 0.25))
                : new CallPrediction(a.callId(), a.queuedAt(), CallSubject.OTHER, Map.of(CallSubject.OTHER, 0.5, CallSubject.JOINING, 0.5)));
    };
    private TopologyTestDriver driver;
    private CallCenterView view;
    private Instant wall = NINE.plus(Duration.ofMinutes(10));

    @BeforeEach
    void start() throws Exception {
        MetricsRules rules = MetricsRules.of(ZoneOffset.UTC, Thresholds.DEFAULT);
        StreamsBuilder b = new StreamsBuilder();
        CallCenterTopology.build(b, new CallMediator("US")::mediate, Duration.ofHours(1), rules, directory, predictor);
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "call-center-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(b.build(), p, wall);
        view = new CallCenterView(new StoreLookup() {
            @Override
            public <V> ReadOnlyKeyValueStore<String, V> store(String name) {
                return driver.getKeyValueStore(name);
            }
        }, rules, () -> wall);

        TestInputTopic<String, byte[]> raw = driver.createInputTopic(CallTopics.RAW.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        try (var in = new InputStreamReader(getClass().getResourceAsStream("/callcenter/queue_log_metrics.log"), StandardCharsets.UTF_8)) {
            QueueLogReader.read(in, item -> {
                RawRecord r = item instanceof QueueLogItem.Event e
                        ? new RawRecord("file:queue_log", CallFormat.CALL_JSON.wireName(), wall, Json.write(e.event()))
                        : new RawRecord("file:queue_log", CallFormat.ASTERISK_QUEUE_LOG.wireName(), wall, ((QueueLogItem.Unusable) item).line());
                pipe(raw, r);
            });
        }
    }

    private static void pipe(TestInputTopic<String, byte[]> topic, RawRecord r) {
        var pr = RawRecords.toKafka(CallTopics.RAW.name(), r);
        topic.pipeInput(new org.apache.kafka.streams.test.TestRecord<>(pr.key(), pr.value(), pr.headers(), pr.timestamp()));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void bucketsHoldTheHandComputedCounts() {
        List<BucketRow> rows = view.buckets(DAY, List.of(ServiceLevel.values()));
        assertThat(rows).hasSize(111); // 00:00 … 09:10, the bucket of now
        BucketRow nine = rows.get(108), five = rows.get(109);
        assertThat(nine.label()).isEqualTo("09:00");
        assertThat(List.of(nine.offered(), nine.answered(), nine.abandoned(), nine.waitingAtEnd(), nine.maxWaitSec()))
                .containsExactly(4L, 2L, 1L, 1L, 45L);
        assertThat(nine.avgWaitSec()).isEqualTo(21.0);
        assertThat(List.of(five.offered(), five.answered(), five.abandoned(), five.waitingAtEnd(), five.maxWaitSec()))
                .containsExactly(1L, 0L, 1L, 1L, 300L);
    }

    @Test
    void dayKpisAndSummaryFollowTheDefinitions() {
        Kpis k = view.kpis(DAY, List.of(ServiceLevel.values()));
        Map<String, Double> sl = new HashMap<>();
        k.serviceLevels().forEach(f -> sl.put(f.definition(), f.value()));
        assertThat(sl.get("connect")).isCloseTo(1.0 / 5, within(1e-9));
        assertThat(sl.get("genesys")).isCloseTo(1.0 / 4, within(1e-9));
        assertThat(sl.get("asterisk-sl")).isCloseTo(1.0 / 2, within(1e-9));
        assertThat(sl.get("asterisk-sl2")).isCloseTo(1.0 / 4, within(1e-9));
        assertThat(k.asaSec()).isEqualTo(21.0);
        assertThat(k.ahtSec()).isEqualTo(154.0);
        assertThat(k.abandonmentRate()).isEqualTo(0.4);

        DaySummary s = view.summary(DAY);
        assertThat(List.of(s.offered(), s.answered(), s.abandoned(), s.unclassified(), s.total())).containsExactly(5L, 2L, 2L, 2L, 2L);
    }

    @Test
    void liveShowsTheCallStillWaitingAndTheTrailingWaits() {
        LiveSnapshot live = view.live();
        assertThat(live.waiting().total()).isEqualTo(1);
        assertThat(live.waiting().byQueue()).isEqualTo(Map.of("support", 1L));
        assertThat(live.waiting().oldestWaitSec()).isEqualTo(100);
        assertThat(live.trailing().answered()).isEqualTo(2);
        assertThat(live.trailing().avgWaitSec()).isEqualTo(21.0);
        assertThat(live.trailing().abandoned()).isEqualTo(2);
        assertThat(live.trailing().avgAbandonedWaitSec()).isEqualTo(172.5);
    }

    @Test
    void completedCallsAreEnrichedAndTheUnusableLineIsAnError() {
        Map<String, CompletedCall> completed = driver.createOutputTopic(CallTopics.COMPLETED.name(), Serdes.String().deserializer(),
                CallTopics.COMPLETED.valueSerde().deserializer()).readValuesToList().stream()
                .collect(Collectors.toMap(CompletedCall::callId, c -> c));
        assertThat(completed.keySet()).containsExactlyInAnyOrder("c1", "c2", "c3", "c4");
        CompletedCall c1 = completed.get("c1");
        assertThat(c1.outcome()).isEqualTo("ANSWERED");
        assertThat(c1.queuedAt()).isEqualTo(NINE);
        assertThat(c1.answeredAt()).isEqualTo(NINE.plusSeconds(12));
        assertThat(c1.endedAt()).isEqualTo(NINE.plusSeconds(200));
        assertThat(List.of(c1.waitSec(), c1.talkSec())).containsExactly(12, 188);
        assertThat(c1.agent()).isEqualTo("SIP/201");
        assertThat(List.of(c1.city(), c1.sex(), c1.age(), c1.callsLast30d())).containsExactly("Newark", Sex.F, 34, 0);
        CompletedCall c4 = completed.get("c4");
        assertThat(c4.outcome()).isEqualTo("ABANDONED");
        assertThat(c4.waitSec()).isEqualTo(300);
        assertThat(c4.city()).isNull();

        List<ErrorRecord> errors = driver.createOutputTopic(CallTopics.ERROR.name(), Serdes.String().deserializer(),
                CallTopics.ERROR.valueSerde().deserializer()).readValuesToList();
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.raw()).isEqualTo("this is not a queue_log line"));
    }

    @Test
    void eachQueuedCallIsScoredOnArrivalAndTheCompletedCallKeepsThePrediction() {
        assertThat(arrivals).extracting(Arrival::callId).containsExactly("c1", "c2", "c3", "c4", "c5");
        assertThat(arrivals.get(0).caller()).isEqualTo(KNOWN);
        assertThat(arrivals.get(0).queuedAt()).isEqualTo(NINE);
        assertThat(arrivals.get(0).queue()).isEqualTo("support");
        assertThat(arrivals.get(1).caller()).isNull();
        LiveSnapshot.WaitingNow waiting = view.live().waiting();
        assertThat(waiting.byPredictedSubject()).isEqualTo(Map.of("OTHER", 1L));
        assertThat(waiting.calls()).singleElement().satisfies(w -> {
            assertThat(w.callId()).isEqualTo("c5");
            assertThat(w.waitSec()).isEqualTo(100);
            assertThat(w.predictedSubject()).isEqualTo("OTHER");
            assertThat(w.confidence()).isEqualTo(0.5);
        });
        Map<String, CompletedCall> completed = driver.createOutputTopic(CallTopics.COMPLETED.name(), Serdes.String().deserializer(),
                CallTopics.COMPLETED.valueSerde().deserializer()).readValuesToList().stream()
                .collect(Collectors.toMap(CompletedCall::callId, c -> c));
        assertThat(completed.get("c1").predictedSubject()).isEqualTo(CallSubject.COMPLAINT);
        assertThat(completed.get("c1").predictedProbs()).isEqualTo(Map.of(CallSubject.COMPLAINT, 0.75, CallSubject.OTHER, 0.25));
        assertThat(completed.get("c4").predictedSubject()).isEqualTo(CallSubject.OTHER);
        assertThat(arrivals).as("a stored prediction is used, not made again").hasSize(5);
    }

    @Test
    void theNextCallOfACallerIsToldOnlyWhatWasKnownWhenItWasQueued() {
        TestInputTopic<String, byte[]> raw = driver.createInputTopic(CallTopics.RAW.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        Instant later = NINE.plus(Duration.ofDays(3));
        // Seen only by its end (no QUEUED): scored when it completes, from the facts before its queueing.
        pipe(raw, new RawRecord("http", CallFormat.CALL_JSON.wireName(), later, Json.write(
                new CallEvent("late", CallEventType.ABANDONED, later.plusSeconds(20), "support", "+12015550101", null, 20, null, null, null))));
        Arrival late = arrivals.get(arrivals.size() - 1);
        assertThat(late.callId()).isEqualTo("late");
        assertThat(late.queuedAt()).isEqualTo(later);
        assertThat(List.of(late.callsLast30d(), late.callsLast7d())).containsExactly(1, 1);
        assertThat(late.previous()).isEqualTo(new PreviousCall(NINE, NINE.plusSeconds(200), "ANSWERED", null));
        // Queued 8 days after c1 and 5 after the abandoned one: c1 is out of the week, the last call is the abandoned one.
        Instant next = NINE.plus(Duration.ofDays(8));
        pipe(raw, new RawRecord("http", CallFormat.CALL_JSON.wireName(), next, Json.write(
                new CallEvent("next", CallEventType.QUEUED, next, "sales", "+12015550101", null, null, null, null, null, "+18005550100"))));
        Arrival a = arrivals.get(arrivals.size() - 1);
        assertThat(a.callId()).isEqualTo("next");
        assertThat(List.of(a.callsLast30d(), a.callsLast7d())).containsExactly(2, 1);
        assertThat(a.previous().abandoned()).isTrue();
        assertThat(a.dialledNumber()).isEqualTo("+18005550100");
        List<CompletedCall> out = driver.createOutputTopic(CallTopics.COMPLETED.name(), Serdes.String().deserializer(),
                CallTopics.COMPLETED.valueSerde().deserializer()).readValuesToList();
        assertThat(out.get(out.size() - 1).callId()).isEqualTo("late");
        assertThat(out.get(out.size() - 1).predictedSubject()).isEqualTo(CallSubject.COMPLAINT);
    }

    @Test
    void aRepeatedCallerIsCountedInTheirLast30Days() {
        TestInputTopic<String, byte[]> raw = driver.createInputTopic(CallTopics.RAW.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        Instant later = NINE.plus(Duration.ofDays(3));
        for (CallEvent e : List.of(
                new CallEvent("again", CallEventType.QUEUED, later, "support", "+12015550101", null, null, null, null, null),
                new CallEvent("again", CallEventType.ABANDONED, later.plusSeconds(9), "support", "+12015550101", null, 9, null, null, null))) {
            pipe(raw, new RawRecord("http", CallFormat.CALL_JSON.wireName(), later, Json.write(e)));
        }
        List<CompletedCall> out = driver.createOutputTopic(CallTopics.COMPLETED.name(), Serdes.String().deserializer(),
                CallTopics.COMPLETED.valueSerde().deserializer()).readValuesToList();
        assertThat(out.get(out.size() - 1).callId()).isEqualTo("again");
        assertThat(out.get(out.size() - 1).callsLast30d()).isEqualTo(1);
    }
}
