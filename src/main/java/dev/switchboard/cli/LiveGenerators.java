package dev.switchboard.cli;

import dev.switchboard.app.Switchboard;
import dev.switchboard.contact.ContactTopics;
import dev.switchboard.contact.LiveContactFeed;
import dev.switchboard.generate.TimedFeed;
import dev.switchboard.ingest.IngestService;
import dev.switchboard.ivr.IvrDemoHistory;
import dev.switchboard.ivr.IvrMediator;
import dev.switchboard.ivr.IvrTopics;
import dev.switchboard.ivr.LiveIvrFeed;
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
 * pipeline, and IVR sessions as they end; and, on a store without IVR sessions, six months of them first; and,
 * with no model in use, a first call-subject model once the simulated call history is stored ({@link DemoModel}).
 */
final class LiveGenerators {
    private static final Logger log = LoggerFactory.getLogger(LiveGenerators.class);
    /** The source of the generated contact records and IVR sessions (the IVR history's too). */
    static final String SOURCE = IvrDemoHistory.SOURCE;

    private LiveGenerators() {}

    static AutoCloseable startIfAsked(Switchboard sb) {
        if (!sb.settings().roles().contains(Role.GENERATE) || sb.ingest().isEmpty()) return () -> {};
        LiveCdrGenerator cdrs = sb.cdrGenerator().orElseThrow();
        cdrs.start();
        IngestService ingest = sb.ingest().get();
        LiveCallSimulator calls = LiveCallSimulator.start(sb, ingest);
        IvrDemoHistory.seedIfEmpty(sb.database(), ingest, Clock.systemUTC());
        Thread contacts = run("live-contact-feed", LiveContactFeed.startingNow(System.nanoTime(), Duration.ofMinutes(10), 0.02, 0.02,
                Clock.systemUTC(), line -> ingest.publish(ContactTopics.KIND, SOURCE, ContactTopics.FORMAT, line)));
        log.info("live contact records (ctr-json, source {}) as Connect would send them", SOURCE);
        Thread sessions = run("live-ivr-feed", LiveIvrFeed.startingNow(System.nanoTime(), Duration.ofMinutes(10), 0.01, 0.005,
                Clock.systemUTC(), line -> ingest.publish(IvrTopics.KIND, SOURCE, IvrMediator.FORMAT, line)));
        log.info("live IVR sessions (ivr-json, source {}), one about every {} s", SOURCE, (int) LiveIvrFeed.MEAN_GAP_SECONDS);
        Thread model = DemoModel.startIfNone(sb);
        return () -> {
            if (model != null) model.interrupt();
            contacts.interrupt();
            sessions.interrupt();
            calls.close();
            cdrs.stop();
            contacts.join(5000);
            sessions.join(5000);
        };
    }

    /** Sends what {@code feed} has due, once a second, until interrupted. */
    private static Thread run(String name, TimedFeed feed) {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    feed.tick();
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    log.warn("{} paused: {}", name, e.getMessage());
                }
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
