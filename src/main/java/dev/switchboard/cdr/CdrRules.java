package dev.switchboard.cdr;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;

/**
 * The settings of CDR mediation.
 *
 * @param defaultRegion ISO 3166 country whose national numbering plan applies to numbers written without
 *     an international prefix (upper-cased here; must be a region libphonenumber knows)
 * @param sourceZone the zone of timestamps that carry no offset (Asterisk writes local time)
 * @param futureTolerance how far past "now" a start may lie, to absorb clock skew between switches
 * @param maxAge how far before "now" a start may lie before it is taken for a broken clock
 * @param maxDurationSec the longest believable call, in seconds
 * @param extensionMaxDigits strings of 1 to this many digits are PBX extensions and kept as they are;
 *     0 accepts no extensions at all (a carrier feed)
 */
public record CdrRules(
        String defaultRegion,
        ZoneId sourceZone,
        Duration futureTolerance,
        Duration maxAge,
        int maxDurationSec,
        int extensionMaxDigits) {
    public static final Duration DEFAULT_FUTURE_TOLERANCE = Duration.ofMinutes(5);
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(9125);
    public static final int DEFAULT_MAX_DURATION_SEC = 86_400;
    public static final int DEFAULT_EXTENSION_MAX_DIGITS = 6;
    /** E.164 caps a number at 15 digits; a longer "extension" would swallow real numbers. */
    static final int EXTENSION_DIGITS_LIMIT = 15;

    public CdrRules {
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        defaultRegion = defaultRegion.trim().toUpperCase(Locale.ROOT);
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(defaultRegion))
            throw new IllegalArgumentException("unknown region for phone numbers: " + defaultRegion);
        Objects.requireNonNull(sourceZone, "sourceZone");
        Objects.requireNonNull(futureTolerance, "futureTolerance");
        Objects.requireNonNull(maxAge, "maxAge");
        if (futureTolerance.isNegative()) throw new IllegalArgumentException("futureTolerance must be >= 0");
        if (maxAge.isNegative() || maxAge.isZero()) throw new IllegalArgumentException("maxAge must be > 0");
        if (maxDurationSec <= 0) throw new IllegalArgumentException("maxDurationSec must be > 0");
        if (extensionMaxDigits < 0 || extensionMaxDigits > EXTENSION_DIGITS_LIMIT)
            throw new IllegalArgumentException("extensionMaxDigits must be in 0.." + EXTENSION_DIGITS_LIMIT);
    }

    /** Region US, zone UTC, 5 minutes of tolerance, 25 years of age, one day of duration, 6-digit extensions. */
    public static CdrRules defaults() {
        return new CdrRules("US", ZoneOffset.UTC, DEFAULT_FUTURE_TOLERANCE, DEFAULT_MAX_AGE,
                DEFAULT_MAX_DURATION_SEC, DEFAULT_EXTENSION_MAX_DIGITS);
    }
}
