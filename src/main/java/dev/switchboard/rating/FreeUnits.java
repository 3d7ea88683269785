package dev.switchboard.rating;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Free units by allowance id, for one subscriber in one billing period (a calendar month in the
 * tariffs' zone, see {@link RatingBook#periodOf}). The same type carries two things:
 *
 * <ul>
 *   <li>the balance passed to {@link Rater#rate}: units left per allowance id. An id that is absent has
 *       not been touched this period, so its full {@link FreeAllowance#units()} are left; {@link #FRESH}
 *       is the balance at the start of a period;</li>
 *   <li>the units a rated CDR used ({@link RatingResult.Rated#used()}), which the caller subtracts with
 *       {@link #minus} (or {@link Rater#balanceAfter}) before rating the subscriber's next CDR.</li>
 * </ul>
 *
 * Units are seconds for VOICE allowances and messages for SMS allowances.
 */
public record FreeUnits(Map<String, Long> units) {
    /** Nothing used yet: every allowance full (as a balance), or nothing used (as a result). */
    public static final FreeUnits FRESH = new FreeUnits(Map.of());
    public static final FreeUnits NONE = FRESH;

    public FreeUnits {
        units = Map.copyOf(units);
        units.forEach((id, u) -> {
            if (u < 0) throw new IllegalArgumentException("allowance " + id + ": negative free units");
        });
    }

    public static FreeUnits of(String allowanceId, long units) {
        return new FreeUnits(Map.of(allowanceId, units));
    }

    /** Units of {@code allowance} left in this balance (its full units if the id is absent). */
    public long leftOf(FreeAllowance allowance) {
        return units.getOrDefault(allowance.id(), allowance.units());
    }

    /** Units recorded under an id (0 if absent); for a "used" value. */
    public long get(String allowanceId) {
        return units.getOrDefault(allowanceId, 0L);
    }

    public boolean isEmpty() {
        return units.isEmpty();
    }

    /** This balance after {@code used}: each used allowance's units left, less what was used. */
    public FreeUnits minus(FreeUnits used, List<FreeAllowance> allowances) {
        Map<String, Long> left = new HashMap<>(units);
        for (FreeAllowance a : allowances) {
            long u = used.get(a.id());
            if (u == 0) continue;
            long l = leftOf(a);
            if (u > l) throw new IllegalArgumentException("allowance " + a.id() + ": used " + u + " of " + l + " left");
            left.put(a.id(), l - u);
        }
        return new FreeUnits(left);
    }

    /** Both uses added up (for the "used" role). */
    public FreeUnits plus(FreeUnits other) {
        Objects.requireNonNull(other, "other");
        Map<String, Long> sum = new HashMap<>(units);
        other.units.forEach((id, u) -> sum.merge(id, u, Long::sum));
        return new FreeUnits(sum);
    }
}
