package dev.switchboard.predict;

import dev.switchboard.callcenter.CallSubject;
import java.util.Map;
import java.util.Objects;

/** The most likely subject of a call and the probability of every subject (they sum to 1). */
public record Prediction(CallSubject subject, Map<CallSubject, Double> probabilities) {
    public Prediction {
        Objects.requireNonNull(subject, "subject");
        probabilities = Map.copyOf(probabilities);
    }

    public double probability(CallSubject s) {
        return probabilities.getOrDefault(s, 0.0);
    }
}
