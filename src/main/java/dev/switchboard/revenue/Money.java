package dev.switchboard.revenue;

import java.math.BigDecimal;

/** Money as JSON text: exact, no rounding, at least two decimals ("12.50", "0.000125"). Never a double. */
public final class Money {
    private Money() {}

    public static String text(BigDecimal amount) {
        if (amount == null) return null;
        BigDecimal plain = amount.stripTrailingZeros();
        if (plain.scale() < 2) plain = plain.setScale(2);
        return plain.toPlainString();
    }
}
