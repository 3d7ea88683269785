package dev.switchboard.callcenter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.Switchboard;
import dev.switchboard.callcenter.live.ServiceLevel;
import dev.switchboard.mediation.Counts;
import dev.switchboard.platform.Settings;
import dev.switchboard.store.QueryResult;
import dev.switchboard.store.ReadOnlyQuery;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-written Asterisk queue_log through the real pipeline (embedded Kafka, Streams, DuckDB): the
 * figures match the hand-computed ones, completed calls are stored, and a reset survives a restart.
 */
class CallCenterIT {
    private static final LocalDate DAY = LocalDate.parse("2026-01-15");
    @TempDir Path dir;

    @Test
    void queueLogFeedsTheMetricsAndTheHistoryAndAResetSurvivesARestart() throws Exception {
        Settings settings = Settings.resolve(Map.of("data", dir.toString(), "roles", "ingest,stream,store", "zone", "UTC",
                "marketing-live-days", "0"), Map.of()); // the live marketing templates off: the call center runs without them
        Instant resetAt;
        try (Switchboard sb = Switchboard.start(settings); InputStream log = getClass().getResourceAsStream("/callcenter/queue_log_metrics.log")) {
            assertThat(sb.liveTemplates()).isEmpty();
            var receipt = sb.ingest().orElseThrow().ingestFile(CallTopics.KIND, CallFormat.ASTERISK_QUEUE_LOG.wireName(), "file:q", log);
            assertThat(receipt.accepted()).isEqualTo(12); // 11 events and 1 unusable line; ADDMEMBER is skipped
            Counts counts = await(() -> sb.callAccounting().orElseThrow().total(), c -> c.in() == 12 && c.drained());
            assertThat(counts).isEqualTo(new Counts(12, 11, 1, 0));
            CallCenterService cc = sb.callCenter().orElseThrow();
            // The live metrics read the events on their own thread: wait for the last of them (the counts above are drained
            // at intake, not here); a wrong figure fails the wait with the last summary seen.
            var summary = await(() -> cc.summary(DAY), s -> s.total() == 2 && s.offered() == 5 && s.abandoned() == 2);
            assertThat(List.of(summary.offered(), summary.answered(), summary.abandoned())).containsExactly(5L, 2L, 2L);
            var bucket = cc.buckets(DAY, List.of(ServiceLevel.ASTERISK_SL)).buckets().get(108);
            assertThat(List.of(bucket.offered(), bucket.answered(), bucket.abandoned(), bucket.waitingAtEnd())).containsExactly(4L, 2L, 1L, 1L);
            assertThat(cc.kpis(DAY, List.of(ServiceLevel.ASTERISK_SL)).kpis().serviceLevels().get(0).value()).isEqualTo(0.5);

            sb.storeProgress().awaitStored(Duration.ofSeconds(60), settings.commitInterval());
            QueryResult calls = ReadOnlyQuery.run(sb.database().orElseThrow(),
                    "select call_id, outcome, wait_sec, talk_sec, agent from call order by call_id", 10);
            assertThat(calls.rows()).hasSize(4);
            assertThat(calls.rows().get(0)).containsExactly("c1", "ANSWERED", 12, 188, "SIP/201");
            QueryResult errors = ReadOnlyQuery.run(sb.database().orElseThrow(), "select raw from call_error", 10);
            assertThat(errors.rows()).containsExactly(List.of("this is not a queue_log line"));

            resetAt = cc.reset();
            await(() -> cc.live().since(), since -> !since.isBefore(resetAt));
            assertThat(cc.live().today().offered()).isZero();
        }
        try (Switchboard sb = Switchboard.start(settings)) {
            CallCenterService cc = sb.callCenter().orElseThrow();
            Instant since = await(() -> {
                try {
                    return cc.live().since();
                } catch (RuntimeException starting) {
                    return null;
                }
            }, s -> s != null);
            assertThat(since).isEqualTo(resetAt);
            assertThat(cc.summary(DAY).total()).isEqualTo(2); // an earlier day keeps its figures
        }
    }

    private static <T> T await(Supplier<T> value, Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        T last = value.get();
        while (!done.test(last)) {
            assertThat(System.nanoTime()).as("condition not reached, last value %s", last).isLessThan(deadline);
            Thread.sleep(100);
            last = value.get();
        }
        return last;
    }
}
