package dev.switchboard.rating;

import java.math.BigDecimal;
import java.util.Objects;

/** The outcome of rating one CDR: a cost with its proof, or the reason it could not be priced. */
public sealed interface RatingResult {
    /**
     * A priced CDR. {@code rateId} is null only for a zero-cost unanswered call that no rate matched;
     * {@code used} is the free units this CDR took (to subtract from the subscriber's balance).
     */
    record Rated(BigDecimal cost, String currency, String rateId, int planVersion, CostProof proof, FreeUnits used)
            implements RatingResult {
        public Rated {
            Objects.requireNonNull(cost, "cost");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(proof, "proof");
            Objects.requireNonNull(used, "used");
        }
    }

    /** No plan version in force or no rate matching; {@code detail} says which. */
    record NoRate(String detail) implements RatingResult {
        public NoRate {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
