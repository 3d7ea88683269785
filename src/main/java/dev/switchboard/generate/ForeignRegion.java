package dev.switchboard.generate;

import static java.util.Map.entry;

import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A destination country for international calls: its weight among foreign calls and a pool of its numbers. */
public record ForeignRegion(String region, double weight, List<String> numbers) {
    /**
     * Roughly where diaspora and business traffic goes; the home region is left out when it is one of
     * these. A list, not a map: its order fixes the order random numbers are drawn in, hence the output.
     */
    static final List<Map.Entry<String, Double>> WEIGHTS = List.of(
            entry("US", 12.0), entry("IN", 12.0), entry("MX", 10.0), entry("GB", 10.0), entry("DE", 8.0),
            entry("CN", 8.0), entry("FR", 6.0), entry("BR", 6.0), entry("PH", 6.0), entry("NG", 5.0),
            entry("CA", 5.0), entry("JP", 4.0), entry("AE", 4.0), entry("EG", 4.0));
    private static final int MOBILES = 14;
    private static final int FIXED_LINES = 6;

    public ForeignRegion {
        Objects.requireNonNull(region, "region");
        if (!(weight > 0)) throw new IllegalArgumentException("weight must be > 0: " + weight);
        numbers = List.copyOf(numbers);
        if (numbers.isEmpty()) throw new IllegalArgumentException("no numbers for " + region);
    }

    static List<ForeignRegion> pools(String homeRegion, ValidNumbers numbers) {
        List<ForeignRegion> pools = new ArrayList<>();
        for (Map.Entry<String, Double> entry : WEIGHTS) {
            String region = entry.getKey();
            if (region.equals(homeRegion)) continue;
            List<String> pool = new ArrayList<>(numbers.make(region, PhoneNumberType.MOBILE, MOBILES));
            pool.addAll(numbers.make(region, PhoneNumberType.FIXED_LINE, FIXED_LINES));
            if (!pool.isEmpty()) pools.add(new ForeignRegion(region, entry.getValue(), pool));
        }
        return pools;
    }
}
