package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cdr.CdrFormat;
import dev.switchboard.generate.CdrGenerator;
import dev.switchboard.generate.CdrWorkload;
import dev.switchboard.generate.SubscriberBase;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LiveFeedTest {
    @Test
    void writesTheCountAtTheRateAsCallsEndingNow() throws Exception {
        CdrGenerator generator = new CdrGenerator(CdrWorkload.defaults().toBuilder().seed(3).errorRate(0).duplicateRate(0).build(),
                SubscriberBase.create("US", 50, SubscriberBase.DEFAULT_SEED));
        StringWriter out = new StringWriter();
        Instant before = Instant.now().minusSeconds(1);
        long t0 = System.nanoTime();
        new LiveFeed(generator, CdrFormat.CDR_JSON, 100, 60).run(LiveFeed.toWriter(out));
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(out.toString().lines()).hasSize(60);
        assertThat(took).isBetween(Duration.ofMillis(400), Duration.ofSeconds(5));
        // A live call ends now: its start is its duration before now, never after.
        out.toString().lines().map(l -> l.replaceAll(".*\"start_time\":\"([^\"]+)\".*", "$1")).map(Instant::parse)
                .forEach(start -> assertThat(start).isBefore(Instant.now()).isAfter(before.minus(Duration.ofHours(5))));
    }
}
