package dev.switchboard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.Switchboard;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Setting {@code state-memory-mb} bounds the RocksDB memory of the process: every state store reports the one
 * shared block cache of that size (RocksDB's own figure, through Kafka Streams' state-store metrics), where each
 * store would otherwise have a cache of its own.
 */
class StateMemoryIT {
    @TempDir Path dir;

    @Test
    void everyStateStoreUsesTheOneBlockCacheOfTheSizeSet() throws Exception {
        Settings settings = Settings.resolve(Map.of("data", dir.toString(), "roles", "ingest,stream", "state-memory-mb", "40"), Map.of());
        try (Switchboard sb = Switchboard.start(settings)) {
            String cdr = "{\"id\":\"m-1\",\"calling_number\":\"+12025550100\",\"called_number\":\"+442071838750\","
                    + "\"start_time\":\"2026-03-02T10:00:00Z\",\"duration_sec\":60,\"type\":\"VOICE\",\"result\":\"ANSWERED\"}\n";
            sb.ingest().orElseThrow().ingestFile("cdr", "cdr-json", "m", new ByteArrayInputStream(cdr.getBytes(StandardCharsets.UTF_8)));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (sb.cdrAccounting().orElseThrow().total().clean() < 1 && System.nanoTime() < deadline) Thread.sleep(100);
            Map<String, Long> capacity = new TreeMap<>();
            for (Map.Entry<MetricName, ? extends Metric> m : sb.streams().orElseThrow().streams().metrics().entrySet()) {
                if (!m.getKey().name().equals("block-cache-capacity")) continue;
                String store = m.getKey().tags().entrySet().stream().filter(t -> t.getKey().endsWith("-state-id")).map(Map.Entry::getValue)
                        .findFirst().orElse("?");
                capacity.put(store + " (task " + m.getKey().tags().get("task-id") + ")", ((Number) m.getValue().metricValue()).longValue());
            }
            // A store that has written no file yet reports 0; Kafka Streams' default would be a cache of 50 MiB per store.
            assertThat(capacity.values()).as("block cache of each store: %s", capacity).allMatch(bytes -> bytes == 0 || bytes == 40L << 20);
            assertThat(capacity.values().stream().filter(bytes -> bytes == 40L << 20).count()).as("stores on the shared cache: %s", capacity)
                    .isGreaterThanOrEqualTo(20);
        }
    }
}
