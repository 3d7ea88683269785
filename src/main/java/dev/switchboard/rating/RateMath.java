package dev.switchboard.rating;

import dev.switchboard.cdr.CdrType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The arithmetic of a rate, shared by the {@link Rater} and the {@link CostProof} check so both agree. */
final class RateMath {
    /** Scale kept when price × seconds / unit does not terminate (e.g. 1/60). */
    static final int INEXACT_SCALE = 10;

    private RateMath() {}

    record Part(BigDecimal amount, boolean exact) {}

    /**
     * What {@code units} of a rate cost: VOICE {@code price × seconds / unitSec}, exact when the division
     * terminates, else at {@value #INEXACT_SCALE} decimals HALF_EVEN; SMS {@code price × messages}.
     */
    static Part amount(CdrType type, BigDecimal price, long units, int unitSec) {
        BigDecimal gross = price.multiply(BigDecimal.valueOf(units));
        if (type == CdrType.SMS) return new Part(gross, true);
        BigDecimal unit = BigDecimal.valueOf(unitSec);
        try {
            return new Part(gross.divide(unit), true);
        } catch (ArithmeticException nonTerminating) {
            return new Part(gross.divide(unit, INEXACT_SCALE, RoundingMode.HALF_EVEN), false);
        }
    }

    static CostProof.Clamp clampOf(BigDecimal sum, BigDecimal min, BigDecimal max) {
        if (min != null && sum.compareTo(min) < 0) return CostProof.Clamp.MIN;
        if (max != null && sum.compareTo(max) > 0) return CostProof.Clamp.MAX;
        return CostProof.Clamp.NONE;
    }

    static BigDecimal clamped(BigDecimal sum, CostProof.Clamp clamp, BigDecimal min, BigDecimal max) {
        if (clamp == CostProof.Clamp.MIN) return min;
        if (clamp == CostProof.Clamp.MAX) return max;
        return sum;
    }

    static BigDecimal round(BigDecimal amount, Rounding rounding, int decimals) {
        return rounding.mode() == null ? amount : amount.setScale(decimals, rounding.mode());
    }
}
