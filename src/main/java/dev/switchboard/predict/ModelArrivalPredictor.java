package dev.switchboard.predict;

import dev.switchboard.callcenter.Arrival;
import dev.switchboard.callcenter.ArrivalPredictor;
import dev.switchboard.callcenter.CallPrediction;
import dev.switchboard.callcenter.Caller;
import dev.switchboard.callcenter.PreviousCall;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Online scoring: an {@link Arrival} as {@link CallFeatures} (the same features training reads from the
 * history) scored by the model in use at the moment of the call, so a retrained model takes over without a
 * restart. No model, no prediction.
 */
public final class ModelArrivalPredictor implements ArrivalPredictor {
    private final Supplier<Optional<SubjectPredictor>> model;
    private final ZoneId zone;

    public ModelArrivalPredictor(Supplier<Optional<SubjectPredictor>> model, ZoneId zone) {
        this.model = model;
        this.zone = zone;
    }

    /** Scores with whatever model {@code current} holds when a call arrives. */
    public static ModelArrivalPredictor of(CurrentModel current, ZoneId zone) {
        return new ModelArrivalPredictor(() -> current.get().map(CurrentModel.Installed::predictor), zone);
    }

    @Override
    public boolean ready() {
        return model.get().isPresent();
    }

    @Override
    public Optional<CallPrediction> predict(Arrival arrival) {
        return model.get().map(p -> {
            Prediction prediction = p.predict(features(arrival, zone));
            return new CallPrediction(arrival.callId(), arrival.queuedAt(), prediction.subject(), prediction.probabilities());
        });
    }

    /** What the model is told of an arrival: the caller's data now, the counts and last call as of the queueing, its local hour and weekday. */
    public static CallFeatures features(Arrival a, ZoneId zone) {
        Caller c = a.caller();
        ZonedDateTime local = a.queuedAt().atZone(zone);
        return new CallFeatures(c == null ? null : c.city(), c == null ? null : c.sex(), c == null ? null : c.age(),
                c == null ? Set.of() : Set.copyOf(c.products()), a.callsLast30d(), Math.min(a.callsLast7d(), a.callsLast30d()), lastCall(a.previous()),
                local.getHour(), local.getDayOfWeek(), a.queue(), a.dialledNumber());
    }

    static LastCall lastCall(PreviousCall previous) {
        if (previous == null) return LastCall.NONE;
        if (previous.abandoned()) return LastCall.ABANDONED;
        return LastCall.of(previous.subject());
    }
}
