package dev.switchboard.revenue;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a group of CDRs adds up to. {@code amount} sums the rated CDRs only (NULL cost is "not
 * rated", never 0) and is null when none is rated; currencies are tracked as the lowest and highest
 * seen, so a group that mixes them is known and its amount not shown as one figure.
 */
public record Usage(long cdrs, long calls, long sms, long voiceSeconds, long rated, BigDecimal amount, String minCurrency, String maxCurrency) {
    public static final Usage NONE = new Usage(0, 0, 0, 0, 0, null, null, null);

    public long notRated() {
        return cdrs - rated;
    }

    public boolean mixedCurrencies() {
        return minCurrency != null && !minCurrency.equals(maxCurrency);
    }

    public Usage plus(Usage o) {
        BigDecimal sum = amount == null ? o.amount : o.amount == null ? amount : amount.add(o.amount);
        return new Usage(cdrs + o.cdrs, calls + o.calls, sms + o.sms, voiceSeconds + o.voiceSeconds, rated + o.rated, sum,
                least(minCurrency, o.minCurrency), most(maxCurrency, o.maxCurrency));
    }

    private static String least(String a, String b) {
        return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
    }

    private static String most(String a, String b) {
        return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
    }

    /** Larger amount first (no amount last); ties by CDR count. For ranking regions built in Java. */
    static int byAmountThenCdrs(Usage a, Usage b) {
        if (!Objects.equals(a.amount, b.amount)) {
            if (a.amount == null) return 1;
            if (b.amount == null) return -1;
            int c = b.amount.compareTo(a.amount);
            if (c != 0) return c;
        }
        return Long.compare(b.cdrs, a.cdrs);
    }
}
