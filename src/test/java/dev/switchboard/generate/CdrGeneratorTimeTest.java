package dev.switchboard.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrFormat;
import dev.switchboard.cdr.CdrType;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CdrGeneratorTimeTest {
    /** A minute apart on average, 20,000 calls span two weeks: enough whole days for an hour-of-day histogram. */
    private static final CdrWorkload TWO_WEEKS =
            CdrWorkload.builder().count(20_000).errorRate(0).duplicateRate(0).gap(GapDistribution.EXPONENTIAL, 60).build();

    @ParameterizedTest
    @EnumSource(CallTimeMode.class)
    void theHourOfDayHistogramFollowsTheMode(CallTimeMode mode) {
        double[] observed = hourShares(starts(TWO_WEEKS.toBuilder().callTimeMode(mode).build()), ZoneOffset.UTC);
        double total = IntStream.range(0, 24).mapToDouble(mode::intensity).sum();
        for (int hour = 0; hour < 24; hour++)
            assertThat(observed[hour]).as("%s at %d h", mode, hour).isCloseTo(mode.intensity(hour) / total, within(0.015));
    }

    @Test
    void midnightCallsConcentrateBetweenMidnightAndSix() {
        double[] shares = hourShares(starts(TWO_WEEKS.toBuilder().callTimeMode(CallTimeMode.MIDNIGHT).build()), ZoneOffset.UTC);
        assertThat(sum(shares, 0, 6)).isGreaterThan(0.75);
    }

    @Test
    void businessCallsConcentrateBetweenNineAndSixInTheWorkloadZone() {
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        List<Instant> starts = starts(TWO_WEEKS.toBuilder().callTimeMode(CallTimeMode.BUSINESS_HOURS).zone(kolkata).build());
        assertThat(sum(hourShares(starts, kolkata), 9, 18)).isGreaterThan(0.72);
        assertThat(sum(hourShares(starts, ZoneOffset.UTC), 9, 18)).isLessThan(0.5);
    }

    @ParameterizedTest
    @EnumSource(GapDistribution.class)
    void startsAdvanceByTheMeanGapFromTheGivenStart(GapDistribution gap) {
        for (CallTimeMode mode : List.of(CallTimeMode.UNIFORM, CallTimeMode.EVENING)) {
            double mean = mode == CallTimeMode.UNIFORM ? 2.0 : 60.0;
            List<Instant> starts = starts(TWO_WEEKS.toBuilder().gap(gap, mean).callTimeMode(mode).build());
            assertThat(starts.get(0)).isEqualTo(CdrWorkload.DEFAULT_START);
            assertThat(starts).isSorted();
            long span = starts.get(starts.size() - 1).getEpochSecond() - starts.get(0).getEpochSecond();
            double observed = (double) span / (starts.size() - 1);
            assertThat(observed).as("%s gap, %s", gap, mode).isCloseTo(mean, within(0.04 * mean));
        }
    }

    @Test
    void liveCallsEndAtNow() {
        CdrGenerator generator = new CdrGenerator(CdrWorkload.builder().errorRate(0).duplicateRate(0).build(), Generated.BASE);
        Instant now = Instant.parse("2025-06-01T12:00:00.750Z");
        for (int i = 0; i < 2000; i++) {
            Cdr cdr = Generated.read(generator.nextLiveLine(CdrFormat.CDR_JSON, now));
            long duration = cdr.type() == CdrType.SMS ? 0 : cdr.durationSec();
            assertThat(cdr.startTime().plusSeconds(duration)).isEqualTo(Instant.parse("2025-06-01T12:00:00Z"));
        }
        assertThat(generator.counts().valid()).isEqualTo(2000);
    }

    @Test
    void liveModeInjectsDefectsToo() {
        CdrGenerator generator = new CdrGenerator(CdrWorkload.builder().errorRate(0.2).duplicateRate(0.1).build(), Generated.BASE);
        Instant now = Instant.parse("2025-06-01T12:00:00Z");
        for (int i = 0; i < 2000; i++) generator.nextLiveLine(CdrFormat.CDR_CSV, now.plusSeconds(i));
        GeneratedCounts counts = generator.counts();
        assertThat(counts.total()).isEqualTo(2000);
        assertThat(counts.errorCount()).isBetween(300L, 500L);
        assertThat(counts.duplicates()).isBetween(120L, 280L);
    }

    private static List<Instant> starts(CdrWorkload workload) {
        return Generated.lines(workload, CdrFormat.CDR_JSON).stream().map(line -> Generated.read(line).startTime()).toList();
    }

    private static double[] hourShares(List<Instant> starts, ZoneId zone) {
        double[] shares = new double[24];
        for (Instant start : starts) shares[start.atZone(zone).getHour()] += 1.0 / starts.size();
        return shares;
    }

    private static double sum(double[] shares, int fromHour, int toHourExclusive) {
        return IntStream.range(fromHour, toHourExclusive).mapToDouble(h -> shares[h]).sum();
    }
}
