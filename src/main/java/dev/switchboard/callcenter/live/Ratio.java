package dev.switchboard.callcenter.live;

/** Shares and averages for display: absent (null) when nothing was counted, never NaN. */
final class Ratio {
    private Ratio() {}

    static Double of(long numerator, long denominator) {
        return denominator <= 0 ? null : (double) numerator / denominator;
    }
}
