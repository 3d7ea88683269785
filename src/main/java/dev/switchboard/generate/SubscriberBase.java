package dev.switchboard.generate;

import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import dev.switchboard.marketing.BusinessDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.ListSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Who can call and be called: the home region's subscribers (each with an operator), the businesses
 * they call (a business directory: the region's default one, {@link DefaultBusinesses}, unless
 * {@link #withBusinesses} puts another), and the foreign countries they call abroad. Every number is
 * valid for libphonenumber.
 */
public record SubscriberBase(
        String region, List<Subscriber> subscribers, BusinessDirectory businesses, List<ForeignRegion> foreignRegions) {
    public static final int DEFAULT_SIZE = 300;
    public static final long DEFAULT_SEED = 20_250_101L;
    private static final double MOBILE_SHARE = 0.85;

    public SubscriberBase {
        Objects.requireNonNull(region, "region");
        subscribers = List.copyOf(subscribers);
        Objects.requireNonNull(businesses, "businesses");
        foreignRegions = List.copyOf(foreignRegions);
        if (subscribers.size() < 2)
            throw new IllegalArgumentException("a base needs at least 2 subscribers to call each other");
    }

    /**
     * The base kept in {@code dataDir/subscribers.csv}, created there on first use. A file that exists
     * wins over {@code size}; businesses and foreign numbers are not stored, they follow from region and
     * seed (a default business that has the number of a stored subscriber is left out).
     */
    public static SubscriberBase loadOrCreate(Path dataDir, String region, int size, long seed) {
        SubscriberBase created = create(region, size, seed);
        Path file = dataDir.resolve(SubscriberFile.NAME);
        try {
            if (Files.exists(file)) {
                List<Subscriber> stored = SubscriberFile.read(file);
                Set<String> taken = stored.stream().map(Subscriber::number).collect(Collectors.toSet());
                BusinessDirectory businesses = BusinessDirectory.of(created.businesses.entries().stream().filter(e -> !taken.contains(e.prefix())).toList());
                return new SubscriberBase(region, stored, businesses, created.foreignRegions);
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
        BusinessDirectory businesses = BusinessDirectory.of(DefaultBusinesses.create(region, numbers, rng));
        List<ForeignRegion> foreign = ForeignRegion.pools(region, numbers);
        return new SubscriberBase(region, subscribers(region, size, numbers, rng), businesses, foreign);
    }

    /** The same subscribers and foreign numbers, calling the businesses of {@code directory} instead (e.g. the stored directory). */
    public SubscriberBase withBusinesses(BusinessDirectory directory) {
        return new SubscriberBase(region, subscribers, directory, foreignRegions);
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
