package dev.switchboard.rating;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A tariff plan as it stands from {@code activeFrom} until the next version's activation: CDRs are
 * priced by the version in force at their start time. {@code taxRate} is a share (0.20 = 20 %).
 */
public record PlanVersion(
        String planId,
        int version,
        Instant activeFrom,
        String currency,
        BigDecimal taxRate,
        List<TimeBand> bands,
        Set<LocalDate> holidays,
        List<Rate> rates,
        List<FreeAllowance> allowances) {
    public PlanVersion {
        Objects.requireNonNull(planId, "plan_id");
        Objects.requireNonNull(activeFrom, "active_from");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(taxRate, "tax_rate");
        bands = List.copyOf(bands);
        holidays = Set.copyOf(holidays);
        rates = List.copyOf(rates);
        allowances = List.copyOf(allowances);
        if (version < 1) throw new IllegalArgumentException("plan " + planId + ": version must be at least 1");
        if (taxRate.signum() < 0) throw new IllegalArgumentException("plan " + planId + ": negative tax rate");
        for (Rate r : rates) {
            if (!r.currency().equals(currency)) throw new IllegalArgumentException("rate " + r.id() + " is in " + r.currency() + ", plan " + planId + " in " + currency);
            if (r.band() != null && bands.stream().noneMatch(b -> b.name().equals(r.band())))
                throw new IllegalArgumentException("rate " + r.id() + " names unknown band " + r.band());
        }
    }
}
