package dev.switchboard.customer;

import dev.switchboard.callcenter.Sex;
import dev.switchboard.generate.Subscriber;
import dev.switchboard.generate.SubscriberBase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.datafaker.Faker;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.ListSampler;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A realistic, deterministic customer base: the same seed, region, subscribers and day give the same
 * customers. Names and street addresses come from Datafaker in the region's language; cities are
 * drawn by population; ages 18–90 skewed to 25–60; sexes about even; 1 or 2 phone numbers, taken
 * from the CDR generator's subscribers first (so CDRs and customers match), then from fresh valid
 * numbers; the operator is that of the first number; 1 to 3 products, by age.
 *
 * <p>National ids are synthetic, {@code 9NN-NN-NNNN}: area numbers 900–999 are never issued as US
 * Social Security numbers, so a generated id cannot be a real person's.
 */
public final class CustomerGenerator {
    /** Age bands [from, to] and their shares of adult customers. */
    static final int[][] AGE_BANDS = {{18, 24}, {25, 39}, {40, 59}, {60, 74}, {75, 90}};
    static final double[] AGE_SHARES = {0.10, 0.32, 0.36, 0.16, 0.06};
    static final double FEMALE_SHARE = 0.51;
    static final double TWO_PHONES_SHARE = 0.25;
    private static final Map<String, Locale> LOCALES = Map.of("US", Locale.US, "GB", Locale.UK, "FR", Locale.FRANCE, "DE", Locale.GERMANY);

    private final String region;
    private final LocalDate today;
    private final UniformRandomProvider rng;
    private final Faker faker;
    private final Cities cities;
    private final SharedStateDiscreteSampler city;
    private final SharedStateDiscreteSampler ageBand;
    private final List<Subscriber> pool;
    private final long seed;
    private int nextNumber;
    private final Set<String> nationalIds = new HashSet<>();

    /**
     * @param subscribers numbers to hand out first, in this order (e.g. {@code SubscriberBase.loadOrCreate(data, region).subscribers()})
     * @param today       the day ages and subscription dates count from
     */
    public CustomerGenerator(String region, long seed, List<Subscriber> subscribers, LocalDate today) {
        this.region = region;
        this.seed = seed;
        this.today = today;
        this.rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        this.faker = new Faker(LOCALES.getOrDefault(region, Locale.ENGLISH), new Random(seed));
        this.cities = Cities.of(region, faker);
        this.city = AliasMethodDiscreteSampler.of(rng, cities.weights());
        this.ageBand = AliasMethodDiscreteSampler.of(rng, AGE_SHARES);
        this.pool = new ArrayList<>(subscribers);
    }

    public List<CustomerDraft> generate(int count) {
        List<CustomerDraft> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(next());
        return out;
    }

    public CustomerDraft next() {
        Sex sex = rng.nextDouble() < FEMALE_SHARE ? Sex.F : Sex.M;
        String first = sex == Sex.F ? faker.name().femaleFirstName() : faker.name().maleFirstName();
        String name = first + " " + faker.name().lastName();
        int[] band = AGE_BANDS[ageBand.sample()];
        int age = band[0] + rng.nextInt(band[1] - band[0] + 1);
        LocalDate birth = today.minusYears(age).minusDays(1 + rng.nextInt(364));
        List<Subscriber> lines = new ArrayList<>();
        lines.add(number());
        if (rng.nextDouble() < TWO_PHONES_SHARE) lines.add(number());
        return new CustomerDraft(name, nationalId(), birth, sex, faker.address().streetAddress(), cities.names().get(city.sample()),
                lines.get(0).operator(), lines.stream().map(Subscriber::number).toList(), products(age));
    }

    private Subscriber number() {
        if (nextNumber == pool.size()) {
            // More customers than subscribers: a further base, deterministic from the seed, minus numbers already handed out.
            Set<String> taken = new HashSet<>();
            pool.forEach(s -> taken.add(s.number()));
            int more = Math.max(100, pool.size());
            SubscriberBase.create(region, more, seed + pool.size()).subscribers().stream().filter(s -> !taken.contains(s.number())).forEach(pool::add);
            if (nextNumber == pool.size()) throw new IllegalStateException("cannot make more phone numbers for " + region);
        }
        return pool.get(nextNumber++);
    }

    private String nationalId() {
        while (true) {
            String id = String.format("%03d-%02d-%04d", 900 + rng.nextInt(100), 1 + rng.nextInt(99), 1 + rng.nextInt(9999));
            if (nationalIds.add(id)) return id;
        }
    }

    /** One product per category at most; the young prefer unlimited mobile and IPTV, the old fixed TV. */
    private List<Subscription> products(int age) {
        List<String> codes = new ArrayList<>();
        if (rng.nextDouble() < 0.92) codes.add(rng.nextDouble() < (age < 35 ? 0.65 : age < 60 ? 0.45 : 0.2) ? "MOBILE_UNLIMITED" : "MOBILE_BASIC");
        if (rng.nextDouble() < (age < 30 ? 0.4 : 0.6)) codes.add(rng.nextDouble() < (age < 45 ? 0.4 : 0.2) ? "FIBER_1000" : "FIBER_100");
        if (rng.nextDouble() < (age < 35 ? 0.2 : age < 60 ? 0.35 : 0.5)) codes.add(rng.nextDouble() < (age < 45 ? 0.7 : 0.25) ? "IPTV" : "TV");
        if (codes.isEmpty()) codes.add("MOBILE_BASIC");
        ListSampler.shuffle(rng, codes);
        int adultDays = (int) Math.max(1, Math.min(3650, today.toEpochDay() - today.minusYears(age - 18).toEpochDay()));
        List<Subscription> out = new ArrayList<>();
        for (String code : codes) out.add(new Subscription(code, today.minusDays(rng.nextInt(adultDays)), null));
        return out;
    }
}
