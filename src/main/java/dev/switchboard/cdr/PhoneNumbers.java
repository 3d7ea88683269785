package dev.switchboard.cdr;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a phone number as a switch or a person wrote it into E.164 ({@code +15551234567}), or keeps
 * it as a PBX extension when it is a short run of digits.
 *
 * <p>Only digits, an optional leading {@code +} or {@code 00}, and the separators people type
 * (spaces, dashes, dots, parentheses) are accepted: Asterisk puts dialplan names such as {@code s}
 * or {@code anonymous} where a number should be, and letters must not be read as a keypad vanity
 * number. What is left must be a valid number for its country in libphonenumber's metadata.
 */
public final class PhoneNumbers {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s().\\-]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    /**
     * Parsing and validating with libphonenumber was over half of mediation's CPU time (profiled with
     * JFR); the same subscribers' numbers come back over and over, so answers are remembered.
     */
    private static final int CACHED_NUMBERS = 200_000;

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final Cache<String, Optional<String>> known = Caffeine.newBuilder().maximumSize(CACHED_NUMBERS).build();
    private final String defaultRegion;
    private final int extensionMaxDigits;

    public PhoneNumbers(String defaultRegion, int extensionMaxDigits) {
        this.defaultRegion = Objects.requireNonNull(defaultRegion, "defaultRegion");
        this.extensionMaxDigits = extensionMaxDigits;
    }

    public PhoneNumbers(CdrRules rules) {
        this(rules.defaultRegion(), rules.extensionMaxDigits());
    }

    /** The number in E.164, the extension's digits, or empty when it is neither. */
    public Optional<String> normalize(String text) {
        if (text == null) return Optional.empty();
        return known.get(text, this::normalizeUncached);
    }

    private Optional<String> normalizeUncached(String text) {
        String compact = SEPARATORS.matcher(text).replaceAll("");
        if (DIGITS.matcher(compact).matches() && compact.length() <= extensionMaxDigits) return Optional.of(compact);
        // "00" is the international prefix of most of the world, but not of the default region's
        // plan everywhere (the US dials 011), so it is made explicit before libphonenumber sees it.
        String international = compact.startsWith("00") ? "+" + compact.substring(2) : compact;
        String digits = international.startsWith("+") ? international.substring(1) : international;
        if (!DIGITS.matcher(digits).matches()) return Optional.empty();
        try {
            PhoneNumber number = util.parse(international, defaultRegion);
            return util.isValidNumber(number)
                    ? Optional.of(util.format(number, PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
