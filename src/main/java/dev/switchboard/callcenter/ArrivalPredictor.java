package dev.switchboard.callcenter;

import java.util.Optional;

/** Predicts a call's subject from what is known when it arrives; empty when there is no model (yet). Called on the stream thread: fast. */
@FunctionalInterface
public interface ArrivalPredictor {
    Optional<CallPrediction> predict(Arrival arrival);

    ArrivalPredictor NONE = arrival -> Optional.empty();
}
