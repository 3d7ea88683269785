package dev.switchboard.callcenter;

import java.util.Optional;

/** Predicts a call's subject from what is known when it arrives; empty when there is no model (yet). Called on the stream thread: fast. */
public interface ArrivalPredictor {
    Optional<CallPrediction> predict(Arrival arrival);

    /** Whether there is a model to score with now: without one, queued calls are not even routed to scoring. */
    default boolean ready() {
        return true;
    }

    ArrivalPredictor NONE = new ArrivalPredictor() {
        @Override
        public Optional<CallPrediction> predict(Arrival arrival) {
            return Optional.empty();
        }

        @Override
        public boolean ready() {
            return false;
        }
    };
}
