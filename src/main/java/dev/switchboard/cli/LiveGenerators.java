package dev.switchboard.cli;

import dev.switchboard.app.Switchboard;
import dev.switchboard.contact.ContactTopics;
import dev.switchboard.contact.LiveContactFeed;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.switchboard.generate.LiveCdrGenerator;
import dev.switchboard.platform.Role;

/**
 * The live generators of {@code demo} (and of {@code serve} with the generate role): the process's CDR
 * generator started on its default settings (changed at runtime through {@code /api/generator/cdr}), and
 * the call-center simulation, and Amazon Connect contact records as Connect would send them, into the real
 * pipeline; and, on a store without IVR sessions, six months of generated IVR sessions.
 */
final class LiveGenerators {
    private static final Logger log = LoggerFactory.getLogger(LiveGenerators.class);
    static final String SOURCE = "generator";

    private LiveGenerators() {}

    static AutoCloseable startIfAsked(Switchboard sb) {
        if (!sb.settings().roles().contains(Role.GENERATE) || sb.ingest().isEmpty()) return () -> {};
        LiveCdrGenerator cdrs = sb.cdrGenerator().orElseThrow();
        cdrs.start();
        LiveCallSimulator calls = LiveCallSimulator.start(sb, sb.ingest().get());
        dev.switchboard.ivr.IvrDemoHistory.seedIfEmpty(sb.database(), sb.ingest().get(), java.time.Clock.systemUTC());
        Thread contacts = contactFeed(sb.ingest().get());
        return () -> {
            contacts.interrupt();
            calls.close();
            cdrs.stop();
            contacts.join(5000);
        };
    }

    /** Amazon Connect contact records as Connect would send them now (a few a minute), checked once a second. */
    private static Thread contactFeed(dev.switchboard.ingest.IngestService ingest) {
        LiveContactFeed feed = LiveContactFeed.startingNow(System.nanoTime(), Duration.ofMinutes(10), 0.02, 0.02, Clock.systemUTC(),
                line -> ingest.publish(ContactTopics.KIND, SOURCE, ContactTopics.FORMAT, line));
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    feed.tick();
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    log.warn("live contact records paused: {}", e.getMessage());
                }
            }
        }, "live-contact-feed");
        t.setDaemon(true);
        t.start();
        log.info("live contact records (ctr-json, source {}) as Connect would send them", SOURCE);
        return t;
    }
}
