package dev.switchboard.generate;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Makes distinct E.164 numbers that libphonenumber accepts for a region. Starting from the library's
 * own example number and varying only its trailing digits keeps the numbering plan right (length,
 * prefixes) without a per-country table; each candidate is still checked, because not every variation
 * is allocated. Runs once per base, never per record: parsing is far too slow for the record loop.
 */
final class ValidNumbers {
    static final PhoneNumberUtil PHONE = PhoneNumberUtil.getInstance();
    private static final int MAX_VARIED_DIGITS = 6;
    private static final int ATTEMPTS_PER_NUMBER = 20;

    private final UniformRandomProvider rng;
    private final Set<String> taken = new HashSet<>();

    ValidNumbers(UniformRandomProvider rng) {
        this.rng = rng;
    }

    /** Up to {@code count} new numbers of the type; fewer (maybe none) where the region lacks such numbers. */
    List<String> make(String region, PhoneNumberType type, int count) {
        PhoneNumber example = PHONE.getExampleNumberForType(region, type);
        List<String> made = new ArrayList<>(count);
        if (example == null) return made;
        String national = PHONE.getNationalSignificantNumber(example);
        int varied = Math.min(MAX_VARIED_DIGITS, national.length() - 3);
        String prefix = "+" + example.getCountryCode() + national.substring(0, national.length() - varied);
        int bound = (int) Math.pow(10, varied);
        for (int attempt = 0; made.size() < count && attempt < count * ATTEMPTS_PER_NUMBER; attempt++) {
            String candidate = prefix + String.format("%0" + varied + "d", rng.nextInt(bound));
            if (!taken.contains(candidate) && isValidFor(candidate, region)) {
                taken.add(candidate);
                made.add(candidate);
            }
        }
        return made;
    }

    /** Valid and attributed to this very region (NANP regions share +1, so validity alone is not enough). */
    static boolean isValidFor(String e164, String region) {
        try {
            PhoneNumber number = PHONE.parse(e164, null);
            return PHONE.isValidNumber(number) && region.equals(PHONE.getRegionCodeForNumber(number));
        } catch (NumberParseException e) {
            return false;
        }
    }
}
