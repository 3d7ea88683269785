package dev.switchboard.rating;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.cdr.Cdr;
import java.math.BigDecimal;
import java.util.Objects;

/** A clean CDR with its price: the value of {@code cdr.rated} and one row of table {@code cdr}. */
public record RatedCdr(
        Cdr cdr,
        BigDecimal cost,
        String currency,
        @JsonProperty("rate_id") String rateId,
        @JsonProperty("plan_version") int planVersion,
        CostProof proof) {
    public RatedCdr {
        Objects.requireNonNull(cdr, "cdr");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(proof, "proof");
    }
}
