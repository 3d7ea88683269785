package dev.switchboard.generate;

import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.ListSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Who can call and be called: the home region's subscribers (each with an operator), the businesses
 * they call, and the foreign countries they call abroad. Every number is valid for libphonenumber.
 */
public record SubscriberBase(
        String region, List<Subscriber> subscribers, List<String> businessNumbers, List<ForeignRegion> foreignRegions) {
    public static final int DEFAULT_SIZE = 300;
    public static final long DEFAULT_SEED = 20_250_101L;
    static final int BUSINESS_FIXED_LINES = 40;
    static final int BUSINESS_TOLL_FREE = 20;
    private static final double MOBILE_SHARE = 0.85;

    public SubscriberBase {
        Objects.requireNonNull(region, "region");
        subscribers = List.copyOf(subscribers);
        businessNumbers = List.copyOf(businessNumbers);
        foreignRegions = List.copyOf(foreignRegions);
        if (subscribers.size() < 2)
            throw new IllegalArgumentException("a base needs at least 2 subscribers to call each other");
    }

    /**
     * The base kept in {@code dataDir/subscribers.csv}, created there on first use. A file that exists
     * wins over {@code size}; business and foreign numbers are not stored, they follow from region and seed.
     */
    public static SubscriberBase loadOrCreate(Path dataDir, String region, int size, long seed) {
        SubscriberBase created = create(region, size, seed);
        Path file = dataDir.resolve(SubscriberFile.NAME);
        try {
            if (Files.exists(file)) {
                List<Subscriber> stored = SubscriberFile.read(file);
                return new SubscriberBase(region, stored, created.businessNumbers, created.foreignRegions);
            }
            SubscriberFile.write(file, created.subscribers);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SubscriberBase loadOrCreate(Path dataDir, String region) {
        return loadOrCreate(dataDir, region, DEFAULT_SIZE, DEFAULT_SEED);
    }

    /** A base in memory only; the same arguments give the same base. */
    public static SubscriberBase create(String region, int size, long seed) {
        if (!ValidNumbers.PHONE.getSupportedRegions().contains(region))
            throw new IllegalArgumentException("not a region libphonenumber knows: " + region);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ValidNumbers numbers = new ValidNumbers(rng);
        // Businesses and foreign pools are drawn first so they come out the same whether or not the
        // subscribers are then replaced by the ones in the file.
        List<String> businesses = businessNumbers(region, numbers);
        List<ForeignRegion> foreign = ForeignRegion.pools(region, numbers);
        return new SubscriberBase(region, subscribers(region, size, numbers, rng), businesses, foreign);
    }

    private static List<String> businessNumbers(String region, ValidNumbers numbers) {
        List<String> businesses = new ArrayList<>(numbers.make(region, PhoneNumberType.TOLL_FREE, BUSINESS_TOLL_FREE));
        businesses.addAll(numbers.make(region, PhoneNumberType.FIXED_LINE,
                BUSINESS_FIXED_LINES + BUSINESS_TOLL_FREE - businesses.size()));
        return businesses;
    }

    private static List<Subscriber> subscribers(String region, int size, ValidNumbers numbers, UniformRandomProvider rng) {
        int mobiles = (int) Math.round(size * MOBILE_SHARE);
        List<String> lines = new ArrayList<>(numbers.make(region, PhoneNumberType.MOBILE, mobiles));
        lines.addAll(numbers.make(region, PhoneNumberType.FIXED_LINE, size - lines.size()));
        lines.addAll(numbers.make(region, PhoneNumberType.MOBILE, size - lines.size()));
        if (lines.size() < size)
            throw new IllegalArgumentException("could only make " + lines.size() + " valid numbers for " + region);
        // Mixed so that a subscriber's place in the list (its activity rank) says nothing about its line type.
        ListSampler.shuffle(rng, lines);
        SharedStateDiscreteSampler operator = Operators.sampler(rng);
        List<Subscriber> subscribers = new ArrayList<>(size);
        for (String number : lines) subscribers.add(new Subscriber(number, Operators.NAMES.get(operator.sample()), region));
        return subscribers;
    }
}
