package dev.switchboard.predict;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * The model in use, swapped atomically: the stream and the web layer read it per call, a training run
 * replaces it without a restart. A candidate replaces the model in use only when it is at least as
 * good on the candidate's own test split, where the model in use is scored again.
 */
public final class CurrentModel {
    /** A model with its report. */
    public record Installed(ModelReport report, SubjectPredictor predictor) {}

    /** What {@link #offer} decided. */
    public record Decision(boolean installed, Integer previousVersion, Double previousAccuracy) {}

    private final AtomicReference<Installed> current = new AtomicReference<>();

    public Optional<Installed> get() {
        return Optional.ofNullable(current.get());
    }

    /** The decision only; {@link #install} makes it so (after the registry has recorded it). */
    public synchronized Decision judge(ModelReport candidate, ToDoubleFunction<SubjectPredictor> accuracyOnCandidateTest) {
        Installed now = current.get();
        if (now == null) return new Decision(true, null, null);
        double previous = accuracyOnCandidateTest.applyAsDouble(now.predictor());
        return new Decision(candidate.accuracy() >= previous, now.report().version(), previous);
    }

    public void install(Installed model) {
        current.set(model);
    }
}
