package dev.switchboard.generate;

import dev.switchboard.cdr.CdrReason;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a generator has produced so far: new valid records, exact repeats, and defective records per
 * reason. Mediation's accepted, de-duplicated and rejected counts should match these.
 */
public record GeneratedCounts(long valid, long duplicates, Map<CdrReason, Long> errors) {
    public GeneratedCounts {
        EnumMap<CdrReason, Long> copy = new EnumMap<>(CdrReason.class);
        copy.putAll(errors);
        errors = Collections.unmodifiableMap(copy);
    }

    public static final GeneratedCounts NONE = new GeneratedCounts(0, 0, Map.of());

    /** These counts and {@code other}'s together (e.g. of the generators a live generator has run one after the other). */
    public GeneratedCounts plus(GeneratedCounts other) {
        EnumMap<CdrReason, Long> sum = new EnumMap<>(CdrReason.class);
        sum.putAll(errors);
        other.errors.forEach((reason, n) -> sum.merge(reason, n, Long::sum));
        return new GeneratedCounts(valid + other.valid, duplicates + other.duplicates, sum);
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    public long total() {
        return valid + duplicates + errorCount();
    }

    public long errors(CdrReason reason) {
        return errors.getOrDefault(reason, 0L);
    }

    @Override
    public String toString() {
        return "total=" + total() + " valid=" + valid + " duplicates=" + duplicates
                + " errors=" + errorCount() + " " + errors;
    }
}
