package dev.switchboard.cli;

import dev.switchboard.app.Switchboard;
import dev.switchboard.cdr.CdrFormat;
import dev.switchboard.generate.CdrGenerator;
import dev.switchboard.generate.CdrWorkload;
import dev.switchboard.generate.SubscriberBase;
import dev.switchboard.ingest.IngestService;
import dev.switchboard.platform.Role;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live generators of {@code demo}: a steady rate of fresh CDRs (with a few errors and repeats) and
 * the call-center simulation, into the real pipeline.
 */
final class LiveGenerators implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveGenerators.class);
    static final String SOURCE = "generator";
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    private LiveGenerators(IngestService ingest, CdrGenerator generator, double perSecond) {
        this.thread = new Thread(() -> loop(ingest, generator, perSecond), "live-cdr-generator");
        thread.setDaemon(true);
    }

    static AutoCloseable startIfAsked(Switchboard sb) {
        if (!sb.settings().roles().contains(Role.GENERATE) || sb.ingest().isEmpty()) return () -> {};
        SubscriberBase base = SubscriberBase.loadOrCreate(sb.settings().dataDir(), sb.settings().region());
        // Business calls go to the stored directory (as it is now) when this process has one.
        CdrWorkload workload = CdrWorkload.defaults().toBuilder()
                .seed(System.nanoTime()).errorRate(0.03).duplicateRate(0.01).zone(sb.settings().zone()).build();
        CdrGenerator generator = new CdrGenerator(workload, base);
        if (sb.directory().isPresent()) {
            try {
                generator = new CdrGenerator(workload, base.withBusinesses(sb.directory().get().get()));
            } catch (IllegalArgumentException e) {
                log.warn("the stored business directory cannot be called ({}): the generator calls the default businesses", e.getMessage());
            }
        }
        LiveGenerators g = new LiveGenerators(sb.ingest().get(), generator, sb.settings().generatorRate());
        g.thread.start();
        log.info("live CDR generator at {} records/s", sb.settings().generatorRate());
        LiveCallSimulator calls = LiveCallSimulator.start(sb, sb.ingest().get());
        return () -> {
            calls.close();
            g.close();
        };
    }

    private void loop(IngestService ingest, CdrGenerator generator, double perSecond) {
        long periodNanos = (long) (1_000_000_000L / perSecond);
        long next = System.nanoTime();
        while (running.get()) {
            try {
                ingest.publish(SOURCE, CdrFormat.CDR_JSON.wireName(), generator.nextLiveLine(CdrFormat.CDR_JSON, Instant.now()));
                next += periodNanos;
                long wait = next - System.nanoTime();
                if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                else if (wait < -1_000_000_000L) next = System.nanoTime(); // fell behind by over a second: do not burst to catch up
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("live generator paused: {}", e.getMessage());
                sleepQuietly();
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.interrupt();
        thread.join(5000);
    }
}
