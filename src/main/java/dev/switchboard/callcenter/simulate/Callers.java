package dev.switchboard.callcenter.simulate;

import dev.switchboard.callcenter.Caller;
import dev.switchboard.callcenter.Sex;
import dev.switchboard.generate.Subscriber;
import dev.switchboard.generate.SubscriberBase;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Plausible callers for when there is no customer data: numbers from the CDR generator's subscriber
 * base (valid for libphonenumber in the region), ages 18–90 (normal around 46), a dozen cities of
 * uneven size, and at most one product per family (mobile 75 %, fibre 45 %, TV 30 %; the young lean
 * to MOBILE_UNLIMITED and IPTV, the old to MOBILE_BASIC and TV), so about 10 % hold nothing.
 */
public final class Callers {
    /** Caller count of {@code generate call}: large enough that repeat calls come mostly from repeat callers. */
    public static final int DEFAULT_COUNT = 20_000;
    public static final long DEFAULT_SEED = 20_250_101L;
    public static final List<String> CITIES = List.of("Springfield", "Riverside", "Fairview", "Franklin", "Greenville",
            "Bristol", "Clinton", "Salem", "Madison", "Georgetown", "Arlington", "Ashland");

    private Callers() {}

    /** {@code n} callers; the same arguments give the same callers. */
    public static List<Caller> synthetic(int n, long seed, String region) {
        List<Subscriber> subscribers = SubscriberBase.create(region, Math.max(n, 2), seed).subscribers();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed ^ 0x5DEECE66DL);
        ContinuousDistribution.Sampler ages = NormalDistribution.of(46, 17).createSampler(rng);
        double[] cityWeights = new double[CITIES.size()];
        for (int i = 0; i < cityWeights.length; i++) cityWeights[i] = 1 / Math.pow(i + 1, 0.8);
        List<Caller> callers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int age;
            do age = (int) Math.floor(ages.sample()); while (age < 18 || age > 90);
            Sex sex = rng.nextBoolean() ? Sex.F : Sex.M;
            String city = CITIES.get(pick(cityWeights, rng));
            callers.add(new Caller(subscribers.get(i).number(), age, sex, city, products(age, rng)));
        }
        return callers;
    }

    private static List<String> products(int age, UniformRandomProvider rng) {
        boolean young = age < 30;
        boolean old = age >= 65;
        List<String> held = new ArrayList<>(3);
        if (rng.nextDouble() < 0.75)
            held.add(rng.nextDouble() < (young ? 0.6 : old ? 0.25 : 0.45) ? Products.MOBILE_UNLIMITED : Products.MOBILE_BASIC);
        if (rng.nextDouble() < 0.45) held.add(rng.nextDouble() < 0.3 ? Products.FIBER_1000 : Products.FIBER_100);
        if (rng.nextDouble() < 0.30) held.add(rng.nextDouble() < (young ? 0.7 : old ? 0.2 : 0.45) ? Products.IPTV : Products.TV);
        return held;
    }

    private static int pick(double[] weights, UniformRandomProvider rng) {
        double total = 0;
        for (double w : weights) total += w;
        double u = rng.nextDouble() * total;
        for (int i = 0; i < weights.length - 1; i++) {
            u -= weights[i];
            if (u < 0) return i;
        }
        return weights.length - 1;
    }
}
