package dev.switchboard.generate;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;

/**
 * Talk time of answered calls: log-normal, the usual fit for call holding times (many short calls,
 * a long tail), given by its median and the sigma of its logarithm, cut at {@code capSec}.
 */
public record TalkTime(double medianSec, double sigma, int capSec) {
    public TalkTime {
        if (!(medianSec >= 1 && Double.isFinite(medianSec)))
            throw new IllegalArgumentException("medianSec must be >= 1: " + medianSec);
        if (!(sigma > 0 && sigma <= 3)) throw new IllegalArgumentException("sigma must be in (0, 3]: " + sigma);
        if (capSec < medianSec || capSec > 86_400)
            throw new IllegalArgumentException("capSec must be in [median, 86400]: " + capSec);
    }

    /** Median 90 s, mean about 135 s, capped at 4 h. */
    public static TalkTime defaults() {
        return new TalkTime(90, 0.9, 4 * 3600);
    }

    LogNormalDistribution distribution() {
        return LogNormalDistribution.of(Math.log(medianSec), sigma);
    }

    /** Mean of the uncapped distribution. */
    public double meanSec() {
        return distribution().getMean();
    }

    ContinuousDistribution.Sampler sampler(UniformRandomProvider rng) {
        return distribution().createSampler(rng);
    }
}
