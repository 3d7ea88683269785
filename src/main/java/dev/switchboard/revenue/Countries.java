package dev.switchboard.revenue;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Locale;

/**
 * The destination country of a called number, by libphonenumber. Numbers are grouped in SQL by their
 * first {@link RevenueQueries#COUNTRY_PREFIX} characters and one number per group is looked up here,
 * so the work grows with the number of prefixes, not of CDRs. Stored numbers are E.164 or internal
 * extensions; anything without a region is {@link #UNKNOWN}.
 */
final class Countries {
    static final String UNKNOWN = "ZZ";
    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final Cache<String, String> byPrefix = Caffeine.newBuilder().maximumSize(100_000).build();

    /** ISO 3166 region of the group whose prefix is {@code prefix} and one of whose numbers is {@code sample}. */
    String region(String prefix, String sample) {
        return byPrefix.get(prefix, p -> lookUp(sample));
    }

    private String lookUp(String number) {
        if (number == null || !number.startsWith("+")) return UNKNOWN;
        try {
            String region = util.getRegionCodeForNumber(util.parse(number, UNKNOWN));
            return region == null ? UNKNOWN : region;
        } catch (NumberParseException e) {
            return UNKNOWN;
        }
    }

    static String name(String region) {
        if (UNKNOWN.equals(region)) return "Unknown / internal";
        return new Locale("", region).getDisplayCountry(Locale.ENGLISH);
    }
}
