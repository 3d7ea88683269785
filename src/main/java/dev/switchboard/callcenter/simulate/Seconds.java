package dev.switchboard.callcenter.simulate;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ExponentialDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;

/** A distribution of durations in seconds (handling time, patience), sampled with the simulation's RNG. */
public sealed interface Seconds {
    double meanSec();

    Sampler sampler(UniformRandomProvider rng);

    @FunctionalInterface
    interface Sampler {
        double sample();
    }

    /**
     * Log-normal given by its own mean and standard deviation (not those of its logarithm):
     * sigma² = ln(1 + sd²/mean²), mu = ln(mean) − sigma²/2.
     */
    record LogNormal(double meanSec, double sdSec) implements Seconds {
        public LogNormal {
            if (!(meanSec > 0 && Double.isFinite(meanSec))) throw new IllegalArgumentException("meanSec must be > 0");
            if (!(sdSec > 0 && Double.isFinite(sdSec))) throw new IllegalArgumentException("sdSec must be > 0");
        }

        public LogNormalDistribution distribution() {
            double sigma2 = Math.log1p(sdSec * sdSec / (meanSec * meanSec));
            return LogNormalDistribution.of(Math.log(meanSec) - sigma2 / 2, Math.sqrt(sigma2));
        }

        @Override
        public Sampler sampler(UniformRandomProvider rng) {
            return distribution().createSampler(rng)::sample;
        }
    }

    /** Exponential: memoryless, the classic model of caller patience (Erlang-A). */
    record Exponential(double meanSec) implements Seconds {
        public Exponential {
            if (!(meanSec > 0 && Double.isFinite(meanSec))) throw new IllegalArgumentException("meanSec must be > 0");
        }

        @Override
        public Sampler sampler(UniformRandomProvider rng) {
            return ExponentialDistribution.of(meanSec).createSampler(rng)::sample;
        }
    }

    /** Always the same duration; for tests and for what-if runs. */
    record Fixed(double meanSec) implements Seconds {
        public Fixed {
            if (!(meanSec >= 0 && Double.isFinite(meanSec))) throw new IllegalArgumentException("meanSec must be >= 0");
        }

        @Override
        public Sampler sampler(UniformRandomProvider rng) {
            return () -> meanSec;
        }
    }
}
