package dev.switchboard.generate;

import dev.switchboard.cdr.CdrResult;

/** How voice calls end; the shares must add up to 1. */
public record VoiceOutcomes(double answered, double busy, double noAnswer, double failed) {
    public VoiceOutcomes {
        CdrWorkload.requireRate("answered", answered);
        CdrWorkload.requireRate("busy", busy);
        CdrWorkload.requireRate("noAnswer", noAnswer);
        CdrWorkload.requireRate("failed", failed);
        double sum = answered + busy + noAnswer + failed;
        if (Math.abs(sum - 1) > 1e-9)
            throw new IllegalArgumentException("voice outcome shares add up to " + sum + ", not 1");
    }

    public static VoiceOutcomes defaults() {
        return new VoiceOutcomes(0.70, 0.10, 0.15, 0.05);
    }

    /** The shares in the order of {@link #RESULTS}. */
    double[] shares() {
        return new double[] {answered, busy, noAnswer, failed};
    }

    static final CdrResult[] RESULTS = {CdrResult.ANSWERED, CdrResult.BUSY, CdrResult.NO_ANSWER, CdrResult.FAILED};
}
