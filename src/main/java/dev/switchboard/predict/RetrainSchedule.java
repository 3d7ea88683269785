package dev.switchboard.predict;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Retrains on the whole history every {@code model-retrain-every}; a run that fails is logged and the next one tried. */
public final class RetrainSchedule implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RetrainSchedule.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "model-retrain");
        t.setDaemon(true);
        return t;
    });

    public RetrainSchedule(ModelTraining training, Duration every, boolean simulated) {
        if (every.isZero() || every.isNegative()) throw new IllegalArgumentException("model-retrain-every must be positive to schedule");
        timer.scheduleWithFixedDelay(() -> {
            try {
                training.train(new ModelTraining.Request(null, null, simulated));
            } catch (ModelException e) {
                log.warn("scheduled model training skipped: {}", e.getMessage());
            } catch (RuntimeException e) {
                log.error("scheduled model training failed", e);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
