package dev.switchboard.generate;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/**
 * The fictional operators of the generated market. Shares are deliberately unequal, as in a real
 * market with an incumbent and a tail of small challengers, so per-operator views have something to show.
 */
public final class Operators {
    public static final List<String> NAMES = List.of("Nimbus", "Kestrel", "Corvid", "Tidewave", "Larkspur");
    private static final double[] SHARES = {0.38, 0.26, 0.18, 0.12, 0.06};

    private Operators() {}

    static SharedStateDiscreteSampler sampler(UniformRandomProvider rng) {
        return AliasMethodDiscreteSampler.of(rng, SHARES);
    }
}
