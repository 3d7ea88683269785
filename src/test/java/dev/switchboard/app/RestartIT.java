package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.mediation.Counts;
import dev.switchboard.platform.Settings;
import dev.switchboard.store.QueryResult;
import dev.switchboard.store.ReadOnlyQuery;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping and starting again on the same data folder keeps the counters, the de-duplication memory and the history. */
class RestartIT {
    @TempDir Path dir;

    @Test
    void aRestartContinuesWithTheDataKept() throws Exception {
        Settings settings = Settings.resolve(Map.of("data", dir.toString(), "roles", "ingest,stream,store"), Map.of());
        String first = lines(1, 40) + "not json\n";
        try (Switchboard sb = Switchboard.start(settings)) {
            ingest(sb, "first", first);
            await(() -> sb.cdrAccounting().orElseThrow().total(), c -> c.in() == 41 && c.drained());
            sb.storeProgress().awaitStored(Duration.ofSeconds(60), settings.commitInterval());
        }
        try (Switchboard sb = Switchboard.start(settings)) {
            assertThat(sb.cdrAccounting().orElseThrow().total()).isEqualTo(new Counts(41, 40, 1, 0));
            ingest(sb, "second", lines(31, 60)); // 31..40 were seen before the restart
            Counts total = await(() -> sb.cdrAccounting().orElseThrow().total(), c -> c.in() == 71 && c.drained());
            assertThat(total).isEqualTo(new Counts(71, 60, 1, 10));
            sb.storeProgress().awaitStored(Duration.ofSeconds(60), settings.commitInterval());
            QueryResult rows = ReadOnlyQuery.run(sb.database().orElseThrow(), "select count(*), count(distinct id) from cdr", 10);
            assertThat(rows.rows().get(0)).containsExactly(60L, 60L);
        }
    }

    private static void ingest(Switchboard sb, String source, String body) throws Exception {
        sb.ingest().orElseThrow().ingestFile("cdr", "cdr-json", source, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String lines(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i <= to; i++)
            b.append("{\"id\":\"r-").append(i).append("\",\"calling_number\":\"+1202555").append(String.format("%04d", i))
                    .append("\",\"called_number\":\"+442071838750\",\"start_time\":\"2026-03-02T10:00:00Z\",\"duration_sec\":")
                    .append(i).append(",\"type\":\"VOICE\",\"result\":\"ANSWERED\"}\n");
        return b.toString();
    }

    private static <T> T await(Supplier<T> value, java.util.function.Predicate<T> done) throws InterruptedException {
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
