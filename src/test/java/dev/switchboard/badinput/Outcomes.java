package dev.switchboard.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.mediation.Mediated;
import dev.switchboard.mediation.Reason;
import java.util.Arrays;
import java.util.function.Consumer;

/** The property every parser of the campaign must hold: a clean record that keeps its invariants, or a rejection with known reason codes. */
public final class Outcomes {
    private Outcomes() {}

    /** Checks the outcome; {@code invariants} runs on the clean value. Returns true when it was clean. */
    public static <T> boolean cleanOrRejected(Mediated<T> outcome, Class<? extends Enum<?>> reasonCodes, Consumer<T> invariants) {
        assertThat(outcome).as("an outcome, never null").isNotNull();
        if (outcome instanceof Mediated.Clean<T> clean) {
            assertThat(clean.value()).isNotNull();
            invariants.accept(clean.value());
            Tries.count("outcome", "clean");
            return true;
        }
        Mediated.Rejected<T> rejected = (Mediated.Rejected<T>) outcome;
        assertThat(rejected.reasons()).as("a rejection names at least one reason").isNotEmpty();
        var codes = Arrays.stream(reasonCodes.getEnumConstants()).map(Enum::name).toList();
        for (Reason r : rejected.reasons()) assertThat(codes).as("reason code of %s", r).contains(r.code());
        Tries.count("outcome", "rejected");
        return false;
    }
}
