package dev.switchboard.cli;

import dev.switchboard.app.Switchboard;
import dev.switchboard.predict.ModelTraining;
import dev.switchboard.predict.TrainingOutcome;
import dev.switchboard.store.Database;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's first model: when no model is in use, waits until the call history holds enough answered calls
 * with a subject and has stopped growing fast (the simulated weeks are stored), then trains once on it, as
 * simulated data, so the live page and the Model page show predictions a minute or two after a first start.
 */
final class DemoModel {
    private static final Logger log = LoggerFactory.getLogger(DemoModel.class);
    static final long MIN_CALLS = 2_000;
    private static final Duration POLL = Duration.ofSeconds(15);

    private DemoModel() {}

    /** A daemon thread doing it, or none when a model is in use already or the process has no store. */
    static Thread startIfNone(Switchboard sb) {
        if (sb.models().isEmpty() || sb.database().isEmpty() || sb.currentModel().get().isPresent()) return null;
        ModelTraining training = sb.models().get();
        Database db = sb.database().get();
        Thread t = new Thread(() -> {
            long previous = -1;
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(POLL.toMillis());
                    if (sb.currentModel().get().isPresent()) return; // trained meanwhile (Model page, CLI)
                    long n = db.queryLong("count calls with a subject", "SELECT count(*) FROM call WHERE subject IS NOT NULL");
                    // Stored history settled: fewer than 1 % more rows than a poll ago.
                    if (n >= MIN_CALLS && previous >= 0 && n - previous < n / 100) {
                        TrainingOutcome out = training.train(new ModelTraining.Request(null, null, true));
                        log.info("demo: first call-subject model v{} ({}) trained on {} calls, test accuracy {}", out.report().version(),
                                out.report().algorithm(), n, out.report().accuracy());
                        return;
                    }
                    previous = n;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("demo: no first model trained: {}", e.getMessage());
            }
        }, "demo-first-model");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
