package dev.switchboard.mediation;

import java.util.List;

/** What mediation makes of one raw record: a clean value, or a rejection with reasons. */
public sealed interface Mediated<T> {
    record Clean<T>(T value) implements Mediated<T> {}

    record Rejected<T>(List<Reason> reasons) implements Mediated<T> {
        public Rejected {
            if (reasons.isEmpty()) throw new IllegalArgumentException("a rejection needs a reason");
            reasons = List.copyOf(reasons);
        }
    }
}
