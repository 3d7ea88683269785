package dev.switchboard.cdr;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Where a number is, by libphonenumber: its country calling code, its region (ISO 3166 code, {@code ZZ}
 * when none: an extension or a non-geographic number) and its time zone.
 *
 * <p>The zone comes from {@link PhoneNumberToTimeZonesMapper}. Where it names one zone, that is the
 * number's zone. Where it names several (a mobile number in a country with many zones, a toll-free
 * number) or none, the number's zone is taken to be {@code fallback}, the platform's configured zone
 * (where its own subscribers mostly are), and is {@link Place#zoneGuessed() guessed}. The store keeps
 * only a known zone ({@link Place#knownZone()}); SQL puts the configured zone where it is null. Answers
 * are cached by number.
 */
public final class NumberPlaces {
    public static final String UNKNOWN_REGION = "ZZ";
    private static final int CACHED_NUMBERS = 200_000;

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final PhoneNumberToTimeZonesMapper zones = PhoneNumberToTimeZonesMapper.getInstance();
    private final Cache<String, Place> known = Caffeine.newBuilder().maximumSize(CACHED_NUMBERS).build();
    private final ZoneId fallback;

    /** A number's place: {@code countryCode} 0 and region ZZ when it is not an international number. */
    public record Place(int countryCode, String region, ZoneId zone, boolean zoneGuessed) {
        public Place {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(zone, "zone");
        }

        /** The zone's id when libphonenumber names exactly one, else null. */
        public String knownZone() {
            return zoneGuessed ? null : zone.getId();
        }
    }

    public NumberPlaces(ZoneId fallback) {
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    /** The place of a number as stored in a clean CDR (E.164, or an extension's digits). */
    public Place of(String number) {
        if (number == null || !number.startsWith("+")) return new Place(0, UNKNOWN_REGION, fallback, true);
        return known.get(number, this::lookUp);
    }

    private Place lookUp(String number) {
        PhoneNumber parsed;
        try {
            parsed = util.parse(number, UNKNOWN_REGION);
        } catch (NumberParseException e) {
            return new Place(0, UNKNOWN_REGION, fallback, true);
        }
        String region = util.getRegionCodeForNumber(parsed);
        List<String> names = zones.getTimeZonesForNumber(parsed).stream()
                .filter(z -> !z.equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())).toList();
        boolean guessed = names.size() != 1;
        return new Place(parsed.getCountryCode(), region == null ? UNKNOWN_REGION : region, guessed ? fallback : ZoneId.of(names.get(0)), guessed);
    }
}
