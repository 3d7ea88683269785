package dev.switchboard.billing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One subscriber's bill for one period and currency. {@code amount} is the exact sum of the rated CDRs'
 * cost; {@code tax} is {@code amount × taxRate} rounded HALF_UP to 2 decimals; {@code total = amount + tax}.
 * {@code unpriced} counts the subscriber's CDRs of the period with no cost (reported, not billed).
 * {@code closedAt} is null for a live balance (not stored).
 */
public record Bill(
        String subscriber,
        String period,
        String currency,
        String planId,
        long calls,
        long sms,
        long totalSeconds,
        long billedSeconds,
        long freeSeconds,
        long freeSms,
        BigDecimal amount,
        BigDecimal taxRate,
        BigDecimal tax,
        BigDecimal total,
        long unpriced,
        Instant closedAt) {

    /** The same bill without its closing time, to compare two runs. */
    public Bill withoutClosedAt() {
        return new Bill(subscriber, period, currency, planId, calls, sms, totalSeconds, billedSeconds, freeSeconds, freeSms, amount, taxRate, tax,
                total, unpriced, null);
    }
}
