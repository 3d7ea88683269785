package dev.switchboard.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.switchboard.cdr.CdrFormat;
import dev.switchboard.cdr.CdrReason;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Injected errors and duplicates, judged line by line by an independent check rather than by the generator's counts. */
class CdrGeneratorDefectsTest {
    private static final int COUNT = 20_000;
    private static final double ERROR_RATE = 0.1;
    private static final double DUPLICATE_RATE = 0.05;

    @ParameterizedTest
    @EnumSource(value = CdrFormat.class, names = {"CDR_JSON", "CDR_CSV"})
    void errorsAndDuplicatesComeAtTheirRatesAndAsCounted(CdrFormat format) {
        CdrWorkload workload = CdrWorkload.builder().count(COUNT).seed(5).errorRate(ERROR_RATE).duplicateRate(DUPLICATE_RATE).build();
        CdrGenerator generator = new CdrGenerator(workload, Generated.BASE);
        List<String> lines = records(generator, format);

        Map<CdrReason, Long> errors = new EnumMap<>(CdrReason.class);
        Map<String, Integer> firstSeen = new HashMap<>();
        List<Integer> duplicateDistances = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            List<CdrReason> reasons = CdrLineCheck.reasons(line, format);
            assertThat(reasons).as("one reason each: %s", line).hasSizeLessThanOrEqualTo(1);
            if (!reasons.isEmpty()) {
                errors.merge(reasons.get(0), 1L, Long::sum);
                continue;
            }
            Integer earlier = firstSeen.putIfAbsent(line, i);
            if (earlier != null) duplicateDistances.add(i - earlier);
        }

        long errorCount = errors.values().stream().mapToLong(Long::longValue).sum();
        GeneratedCounts counts = generator.counts();
        System.out.printf("%s, %d records: %s%n", format.wireName(), COUNT, counts);
        // Standard errors are 0.0021 and 0.0015: these tolerances are about 6 of them.
        assertThat((double) errorCount / COUNT).isCloseTo(ERROR_RATE, within(0.0125));
        assertThat((double) duplicateDistances.size() / COUNT).isCloseTo(DUPLICATE_RATE, within(0.009));
        assertThat(errors).isEqualTo(counts.errors());
        assertThat(duplicateDistances).hasSize((int) counts.duplicates());
        assertThat(counts.valid()).isEqualTo(COUNT - errorCount - duplicateDistances.size());

        double perKind = (double) errorCount / DefectInjector.KINDS.size();
        assertThat(errors.keySet()).containsExactlyInAnyOrder(CdrReason.values());
        assertThat(errors.values()).allSatisfy(n -> assertThat((double) n).isBetween(0.6 * perKind, 1.4 * perKind));

        // Duplicates are replays of recent records, not of anything from the start of the run.
        duplicateDistances.sort(null);
        assertThat(duplicateDistances.get(duplicateDistances.size() / 2)).isLessThan(2 * RecentCalls.CAPACITY);
        assertThat(duplicateDistances.get(duplicateDistances.size() - 1)).isLessThan(4 * RecentCalls.CAPACITY);
    }

    @ParameterizedTest
    @EnumSource(value = CdrFormat.class, names = {"CDR_JSON", "CDR_CSV"})
    void zeroRatesGiveOnlyCleanDistinctRecords(CdrFormat format) {
        CdrWorkload workload = CdrWorkload.builder().count(5000).errorRate(0).duplicateRate(0).build();
        List<String> lines = records(new CdrGenerator(workload, Generated.BASE), format);
        assertThat(lines).allSatisfy(line -> assertThat(CdrLineCheck.reasons(line, format)).isEmpty()).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(value = CdrFormat.class, names = {"CDR_JSON", "CDR_CSV"})
    void anErrorRateOfOneSpoilsEveryRecord(CdrFormat format) {
        CdrWorkload workload = CdrWorkload.builder().count(2000).errorRate(1).duplicateRate(0).build();
        List<String> lines = records(new CdrGenerator(workload, Generated.BASE), format);
        assertThat(lines).allSatisfy(line -> assertThat(CdrLineCheck.reasons(line, format)).hasSize(1));
    }

    @Test
    void injectedNumbersAreInvalidForLibphonenumber() {
        assertThat(DefectInjector.BAD_NUMBERS).noneMatch(CdrLineCheck::isValidNumber);
    }

    /** The lines of a run without the CSV header. */
    private static List<String> records(CdrGenerator generator, CdrFormat format) {
        List<String> lines = Generated.lines(generator, format);
        return format == CdrFormat.CDR_CSV ? lines.subList(1, lines.size()) : lines;
    }
}
