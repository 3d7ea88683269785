package dev.switchboard.generate;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousUniformSampler;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** The law of the time between two consecutive call starts anywhere in the base. */
public enum GapDistribution {
    /** Independent callers: a Poisson process, the textbook model of call arrivals. */
    EXPONENTIAL,
    /** Whole seconds, Poisson-distributed: starts as a switch with one-second clock resolution records them. */
    POISSON,
    /** Evenly spread between 0 and twice the mean: a steadier, less bursty stream. */
    UNIFORM;

    ContinuousSampler sampler(UniformRandomProvider rng, double meanSec) {
        return switch (this) {
            case EXPONENTIAL -> ZigguratSampler.Exponential.of(rng, meanSec);
            case POISSON -> {
                DiscreteSampler seconds = PoissonSampler.of(rng, meanSec);
                yield seconds::sample;
            }
            case UNIFORM -> ContinuousUniformSampler.of(rng, 0, 2 * meanSec);
        };
    }
}
