package dev.switchboard.rating;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.cdr.Cdr;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A clean CDR after rating: the value of {@code cdr.rated} and one row of table {@code cdr}. Every
 * clean CDR comes through here; one no rate matched is {@link #unpriced} (cost, currency and proof
 * null) and also goes to {@code cdr.error} with reason NO_RATE.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RatedCdr(
        Cdr cdr,
        BigDecimal cost,
        String currency,
        @JsonProperty("rate_id") String rateId,
        @JsonProperty("plan_version") int planVersion,
        CostProof proof) {
    public RatedCdr {
        Objects.requireNonNull(cdr, "cdr");
        if ((cost == null) != (proof == null) || (cost == null) != (currency == null))
            throw new IllegalArgumentException("cost, currency and proof come together");
    }

    public static RatedCdr unpriced(Cdr cdr) {
        return new RatedCdr(cdr, null, null, null, 0, null);
    }

    @JsonIgnore
    public boolean priced() {
        return cost != null;
    }
}
