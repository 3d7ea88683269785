package dev.switchboard.rating;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.cdr.CdrType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * How a CDR's cost came about, step by step, so anyone can redo the sum. {@code billedSeconds} is the
 * billed duration of a voice call (1 for an SMS: the message). The billed units are covered first by
 * {@code freeUnitsUsed}, the rest is paid in {@code increments} (for an SMS one entry of 1 unit, the
 * message). Then {@code sum_before_clamp = connection_fee + Σ increments}, clamped to
 * [min_cost, max_cost] into {@code amount_before_rounding}, rounded into {@code total}. A CDR with no paid
 * increments (unanswered, or wholly covered by free units) has everything zero and no clamp.
 * {@code inexactDivision} is true when some increment's price × seconds / unit did not terminate and was
 * kept at 10 decimals, HALF_EVEN.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(value = "check", allowGetters = true)
public record CostProof(
        @JsonProperty("plan_id") String planId,
        @JsonProperty("plan_version") int planVersion,
        CdrType type,
        @JsonProperty("rate_id") String rateId,
        @JsonProperty("matched_prefix") String matchedPrefix,
        String band,
        @JsonProperty("day_kind") DayKind dayKind,
        @JsonProperty("local_start") LocalDateTime localStart,
        @JsonProperty("billed_seconds") long billedSeconds,
        @JsonProperty("free_units_used") List<FreeUse> freeUnitsUsed,
        @JsonProperty("price_per_unit") BigDecimal pricePerUnit,
        @JsonProperty("unit_sec") int unitSec,
        List<Increment> increments,
        @JsonProperty("inexact_division") boolean inexactDivision,
        @JsonProperty("connection_fee") BigDecimal connectionFee,
        @JsonProperty("sum_before_clamp") BigDecimal sumBeforeClamp,
        @JsonProperty("min_cost") BigDecimal minCost,
        @JsonProperty("max_cost") BigDecimal maxCost,
        Clamp clamp,
        @JsonProperty("amount_before_rounding") BigDecimal amountBeforeRounding,
        Rounding rounding,
        int decimals,
        BigDecimal total,
        String currency) {

    public enum Clamp { NONE, MIN, MAX }

    /** Free units taken from one allowance. */
    public record FreeUse(@JsonProperty("allowance_id") String allowanceId, long units) {}

    /**
     * A run of {@code count} paid increments of {@code seconds} each, the first from second
     * {@code fromSec} of the billed duration, each costing {@code amount}. Equal increments in a row are
     * one run, so an hour billed per second is two lines, not 3,600.
     */
    public record Increment(@JsonProperty("from_sec") long fromSec, long seconds, long count, BigDecimal amount) {
        public Increment {
            if (count < 1) throw new IllegalArgumentException("a run has at least one increment");
        }

        /** The run's cost: {@code count × amount}. */
        public BigDecimal total() {
            return amount.multiply(BigDecimal.valueOf(count));
        }

        /** This run with {@code more} increments more. */
        Increment plus(long more) {
            return new Increment(fromSec, seconds, count + more, amount);
        }
    }

    public CostProof {
        Objects.requireNonNull(planId, "plan_id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(dayKind, "day_kind");
        Objects.requireNonNull(localStart, "local_start");
        freeUnitsUsed = List.copyOf(freeUnitsUsed);
        increments = List.copyOf(increments);
        Objects.requireNonNull(connectionFee, "connection_fee");
        Objects.requireNonNull(sumBeforeClamp, "sum_before_clamp");
        Objects.requireNonNull(clamp, "clamp");
        Objects.requireNonNull(amountBeforeRounding, "amount_before_rounding");
        Objects.requireNonNull(rounding, "rounding");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(currency, "currency");
    }

    /**
     * Recomputes the proof from its own parts: free plus paid units make the billed units, increments
     * follow each other, each increment's amount is its price, the sum, clamp and rounding are as
     * documented, and so the total equals the sum of the parts.
     */
    @JsonProperty("check")
    public boolean check() {
        long free = freeUnitsUsed.stream().mapToLong(FreeUse::units).sum();
        long next = free;
        for (Increment i : increments) {
            if (i.fromSec() != next || i.seconds() <= 0) return false;
            next += i.seconds() * i.count();
        }
        if (next != billedSeconds) return false;
        if (increments.isEmpty())
            return connectionFee.signum() == 0 && sumBeforeClamp.signum() == 0 && clamp == Clamp.NONE
                    && amountBeforeRounding.signum() == 0 && total.signum() == 0;
        BigDecimal sum = connectionFee;
        for (Increment i : increments) {
            if (pricePerUnit == null || RateMath.amount(type, pricePerUnit, i.seconds(), unitSec).amount().compareTo(i.amount()) != 0)
                return false;
            sum = sum.add(i.total());
        }
        if (sum.compareTo(sumBeforeClamp) != 0) return false;
        Clamp expected = RateMath.clampOf(sum, minCost, maxCost);
        if (expected != clamp || RateMath.clamped(sum, clamp, minCost, maxCost).compareTo(amountBeforeRounding) != 0) return false;
        return RateMath.round(amountBeforeRounding, rounding, decimals).compareTo(total) == 0;
    }
}
