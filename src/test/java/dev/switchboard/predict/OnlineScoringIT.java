package dev.switchboard.predict;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.switchboard.app.Switchboard;
import dev.switchboard.callcenter.CallEvent;
import dev.switchboard.callcenter.CallEventType;
import dev.switchboard.callcenter.CallFormat;
import dev.switchboard.callcenter.CallSubject;
import dev.switchboard.callcenter.CallTopics;
import dev.switchboard.callcenter.Caller;
import dev.switchboard.callcenter.simulate.CallCenterConfig;
import dev.switchboard.callcenter.simulate.CallSimulation;
import dev.switchboard.callcenter.simulate.SubjectModel;
import dev.switchboard.customer.CustomerGenerator;
import dev.switchboard.generate.SubscriberBase;
import dev.switchboard.ingest.IngestService;
import dev.switchboard.platform.Json;
import dev.switchboard.platform.Settings;
import dev.switchboard.store.Database;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Online scoring on the real platform (embedded Kafka, Streams, DuckDB): simulated calls by real customers go
 * through the call-center pipeline; a model is trained on the first days and installed without a restart;
 * every call of the next day is scored on arrival, and the probabilities stored with it are those the same
 * model gives for the features training reads from the history: online and offline features agree.
 */
class OnlineScoringIT {
    private static final Duration FEED_STEP = Duration.ofMinutes(5);
    @TempDir Path dir;

    @Test
    void callsAreScoredOnArrivalWithTheFeaturesTrainingReads() throws Exception {
        Settings settings = Settings.resolve(Map.of("data", dir.toString(), "roles", "ingest,stream,store", "zone", "Europe/Paris"), Map.of());
        try (Switchboard sb = Switchboard.start(settings)) {
            Database db = sb.database().orElseThrow();
            var base = SubscriberBase.loadOrCreate(settings.dataDir(), settings.region());
            Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(3));
            // Customers as of before the simulated days, so the products they hold now are those they held on every call's day.
            sb.customers().orElseThrow().upsert(new CustomerGenerator(settings.region(), 5, base.subscribers(),
                    LocalDate.ofInstant(start, settings.zone()).minusDays(1)).generate(1000));
            sb.customersChanged();
            List<Caller> callers = sb.callers().all();
            assertThat(callers).hasSizeGreaterThan(900);
            IngestService ingest = sb.ingest().orElseThrow();
            Instant scoredFrom = start.plus(Duration.ofDays(2)).plus(Duration.ofHours(7));
            Iterator<CallEvent> events = new CallSimulation(CallCenterConfig.defaults(settings.zone(), 5), callers, SubjectModel.standard())
                    .events(start);
            Set<String> completed = new HashSet<>();

            CallEvent next = send(events, scoredFrom, ingest, completed, null);
            waitStored(db, completed.size());
            assertThat(sb.currentModel().get()).as("no model before training").isEmpty();
            TrainingOutcome trained = sb.models().orElseThrow().train(new ModelTraining.Request(null, null, true));
            assertThat(trained.installed()).isTrue();
            SubjectPredictor model = sb.currentModel().get().orElseThrow().predictor();

            // Then as a live feed would come: five minutes of calls at a time, each batch stored before the next is sent,
            // so a call's earlier calls have been completed when it is scored (a bulk replay sends them all at once).
            for (Instant t = scoredFrom.plus(FEED_STEP); !t.isAfter(scoredFrom.plus(Duration.ofHours(3))); t = t.plus(FEED_STEP)) {
                next = send(events, t, ingest, completed, next);
                waitStored(db, completed.size());
            }

            Map<String, String> onlineJson = new HashMap<>();
            int unscored = db.read("stored predictions", c -> {
                int none = 0;
                try (var st = c.createStatement(); ResultSet rs = st.executeQuery(
                        "SELECT call_id, predicted_subject, predicted_probs FROM call WHERE queued_at >= TIMESTAMPTZ '" + scoredFrom + "'")) {
                    while (rs.next()) {
                        if (rs.getString(2) == null) none++;
                        else onlineJson.put(rs.getString(1), rs.getString(3));
                    }
                }
                return none;
            });
            assertThat(unscored).as("every call after training is scored").isZero();
            Map<String, Map<CallSubject, Double>> online = new HashMap<>();
            for (var e : onlineJson.entrySet()) online.put(e.getKey(), Json.MAPPER.readValue(e.getValue(), new TypeReference<Map<CallSubject, Double>>() {}));
            assertThat(online).hasSizeGreaterThan(150);

            List<TrainingRow> offline = new TrainingHistory(db, settings.zone()).read(scoredFrom, null);
            assertThat(offline).hasSizeGreaterThan(100);
            int same = 0;
            List<String> differ = new java.util.ArrayList<>();
            for (TrainingRow row : offline) {
                Map<CallSubject, Double> stored = online.get(row.callId());
                assertThat(stored).as("scored online: " + row.callId()).isNotNull();
                Map<CallSubject, Double> expected = model.predict(row.features()).probabilities();
                boolean equal = expected.keySet().stream().allMatch(s -> Math.abs(expected.get(s) - stored.getOrDefault(s, -1.0)) < 1e-9);
                if (equal) same++;
                else differ.add(row.callId() + " " + row.features());
            }
            // Known differences: a caller with two calls at once (the history counts the other call, the stream not before
            // it has ended) and a call back within the same five minutes. Anything more would be a feature computed two ways.
            assertThat(same).as("online and offline agree: " + differ).isGreaterThanOrEqualTo((int) (offline.size() * 0.97));
        }
    }

    /** Publishes events up to {@code until} (exclusive); returns the first event not sent. */
    private static CallEvent send(Iterator<CallEvent> events, Instant until, IngestService ingest, Set<String> completed, CallEvent first) {
        CallEvent e = first != null ? first : events.next();
        while (e.time().isBefore(until)) {
            ingest.publish(CallTopics.KIND, "simulator", CallFormat.CALL_JSON.wireName(), Json.write(e));
            if (e.event() == CallEventType.ENDED || e.event() == CallEventType.ABANDONED) completed.add(e.callId());
            e = events.next();
        }
        return e;
    }

    private static void waitStored(Database db, int calls) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        long n = -1;
        while (System.nanoTime() < deadline) {
            n = db.queryLong("count calls", "SELECT count(*) FROM call");
            if (n >= calls) return;
            Thread.sleep(100);
        }
        throw new AssertionError("stored " + n + " of " + calls + " calls");
    }
}
