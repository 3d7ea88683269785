package dev.switchboard.predict;

import dev.switchboard.callcenter.CallSubject;
import java.util.Map;
import java.util.Objects;

/** The most likely subject of a call and the probability of every subject (they sum to 1), in {@link CallSubject} order. */
public record Prediction(CallSubject subject, Map<CallSubject, Double> probabilities) {
    public Prediction {
        Objects.requireNonNull(subject, "subject");
        java.util.EnumMap<CallSubject, Double> ordered = new java.util.EnumMap<>(CallSubject.class);
        ordered.putAll(probabilities);
        probabilities = java.util.Collections.unmodifiableMap(ordered);
    }

    public double probability(CallSubject s) {
        return probabilities.getOrDefault(s, 0.0);
    }
}
