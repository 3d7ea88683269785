package dev.switchboard.generate;

import static java.util.Map.entry;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.switchboard.marketing.BusinessDirectory;
import dev.switchboard.marketing.BusinessType;
import dev.switchboard.marketing.DirectoryEntry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.GuideTableDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/**
 * Who a business call goes to: a type drawn by {@link #TYPE_WEIGHTS}, then one of that type's
 * directory entries (a few big ones get most calls: Zipf over the entries in prefix order), then one of
 * the entry's numbers. An entry for a whole number is that number; an entry for a prefix gets up to
 * {@link #NUMBERS_PER_PREFIX} valid numbers under it that the directory resolves to that entry (drawn
 * once, here: libphonenumber is too slow for the record loop). Entries with no valid number are never
 * called, and types without callable entries drop out of the weights.
 */
final class BusinessCalls {
    /** Percent of business calls per type (docs/MARKETING.md): food and shops much more than hospitals. */
    static final List<Map.Entry<BusinessType, Double>> TYPE_WEIGHTS = List.of(
            entry(BusinessType.FOOD, 18.0), entry(BusinessType.BUSINESS, 12.0), entry(BusinessType.BANKING, 12.0),
            entry(BusinessType.DRESS_CODE, 8.0), entry(BusinessType.CLINIC, 7.0), entry(BusinessType.HOUSING, 6.0),
            entry(BusinessType.TRAVELING, 6.0), entry(BusinessType.SCHOOL, 6.0), entry(BusinessType.FINANCIAL_AGENCY, 4.0),
            entry(BusinessType.JOB, 4.0), entry(BusinessType.HOUSEKEEPING_PROPERTY, 4.0), entry(BusinessType.EXTRACURRICULAR_TRAINING, 4.0),
            entry(BusinessType.HOSPITAL, 4.0), entry(BusinessType.LEGAL_AGENCY, 3.0), entry(BusinessType.EMERGENCY, 2.0));
    static final double ENTRY_SKEW = 1.0;
    static final int NUMBERS_PER_PREFIX = 3;
    private static final int ATTEMPTS_PER_LENGTH = 8;
    private static final int MAX_DIGITS = 15;

    private final List<List<List<String>>> numbers = new ArrayList<>(); // per callable type, per entry, its numbers
    private final SharedStateDiscreteSampler type;
    private final List<SharedStateDiscreteSampler> entryRank = new ArrayList<>();
    private final UniformRandomProvider rng;

    private BusinessCalls(UniformRandomProvider rng, double[] weights) {
        this.rng = rng;
        this.type = GuideTableDiscreteSampler.of(rng, weights);
    }

    /** Empty when no entry of the directory has a callable number. */
    static Optional<BusinessCalls> of(BusinessDirectory directory, UniformRandomProvider rng) {
        Map<BusinessType, List<List<String>>> byType = new EnumMap<>(BusinessType.class);
        for (DirectoryEntry e : directory.entries()) {
            List<String> callable = numbersOf(e, directory, rng);
            if (!callable.isEmpty()) byType.computeIfAbsent(e.type(), t -> new ArrayList<>()).add(callable);
        }
        List<Double> weights = new ArrayList<>();
        List<List<List<String>>> perType = new ArrayList<>();
        for (Map.Entry<BusinessType, Double> w : TYPE_WEIGHTS) {
            List<List<String>> entries = byType.get(w.getKey());
            if (entries == null) continue;
            weights.add(w.getValue());
            perType.add(entries);
        }
        if (perType.isEmpty()) return Optional.empty();
        BusinessCalls calls = new BusinessCalls(rng, weights.stream().mapToDouble(Double::doubleValue).toArray());
        for (List<List<String>> entries : perType) {
            calls.numbers.add(entries);
            calls.entryRank.add(RejectionInversionZipfSampler.of(rng, entries.size(), ENTRY_SKEW));
        }
        return Optional.of(calls);
    }

    String next() {
        int t = type.sample();
        List<String> entry = numbers.get(t).get(entryRank.get(t).sample() - 1);
        return entry.size() == 1 ? entry.get(0) : entry.get(rng.nextInt(entry.size()));
    }

    private static List<String> numbersOf(DirectoryEntry e, BusinessDirectory directory, UniformRandomProvider rng) {
        if (valid(e.prefix())) return List.of(e.prefix());
        List<String> out = new ArrayList<>();
        for (int digits = e.prefix().length(); digits <= MAX_DIGITS && out.isEmpty(); digits++) {
            int free = digits + 1 - e.prefix().length(); // digits after the prefix's own ('+' is not a digit)
            for (int attempt = 0; attempt < ATTEMPTS_PER_LENGTH * NUMBERS_PER_PREFIX && out.size() < NUMBERS_PER_PREFIX; attempt++) {
                StringBuilder n = new StringBuilder(e.prefix());
                for (int i = 0; i < free; i++) n.append((char) ('0' + rng.nextInt(10)));
                String candidate = n.toString();
                if (!out.contains(candidate) && valid(candidate) && directory.find(candidate).filter(e::equals).isPresent()) out.add(candidate);
            }
        }
        return out;
    }

    private static boolean valid(String e164) {
        try {
            PhoneNumber number = ValidNumbers.PHONE.parse(e164, null);
            return ValidNumbers.PHONE.isValidNumber(number);
        } catch (NumberParseException e) {
            return false;
        }
    }
}
