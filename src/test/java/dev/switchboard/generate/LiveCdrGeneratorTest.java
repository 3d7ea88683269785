package dev.switchboard.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.cdr.CdrFormat;
import dev.switchboard.marketing.BusinessDirectory;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The live generator on a real thread and clock, its lines judged by {@link CdrLineCheck} rather than
 * by its own counts. Rates are checked with wide bounds: the machine has two shared cores.
 */
class LiveCdrGeneratorTest {
    static final LiveWorkload CLEAN = new LiveWorkload(200, 0.25, 0.0, 0.0, 0.08, 0.15, CallTimeMode.UNIFORM, GapDistribution.EXPONENTIAL);

    final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    final List<Long> sentAt = Collections.synchronizedList(new ArrayList<>());
    LiveCdrGenerator generator;

    LiveCdrGenerator generator(LiveWorkload settings, ZoneId zone) {
        generator = new LiveCdrGenerator(settings, zone, () -> Generated.BASE, Optional::empty, line -> {
            sentAt.add(System.nanoTime());
            lines.add(line);
        });
        return generator;
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (generator != null) generator.close();
    }

    @Test
    void settingsReplacedWhileRunningTakeEffectForTheNextRecords() throws Exception {
        generator(CLEAN, ZoneOffset.UTC).start();
        waitFor(() -> lines.size() >= 100);
        assertThat(types(snapshot(0))).contains("VOICE", "SMS");
        assertThat(snapshot(0)).allSatisfy(l -> assertThat(CdrLineCheck.reasons(l, CdrFormat.CDR_JSON)).isEmpty());

        generator.replace(with(CLEAN, 1.0, 0.0));
        int from = lines.size() + 1; // one line drawn before the change may still be on its way
        waitFor(() -> lines.size() >= from + 200);
        assertThat(types(snapshot(from))).containsOnly("SMS");
        assertThat(generator.running()).isTrue();

        generator.replace(with(CLEAN, 0.0, 0.5));
        int next = lines.size() + 1;
        waitFor(() -> lines.size() >= next + 400);
        List<String> after = snapshot(next);
        long invalid = after.stream().filter(l -> !CdrLineCheck.reasons(l, CdrFormat.CDR_JSON).isEmpty()).count();
        assertThat((double) invalid / after.size()).isBetween(0.35, 0.65);
        assertThat(after.stream().filter(l -> CdrLineCheck.reasons(l, CdrFormat.CDR_JSON).isEmpty()).map(LiveCdrGeneratorTest::type))
                .containsOnly("VOICE");
        assertThat(generator.settings().errorRate()).isEqualTo(0.5);
    }

    @Test
    void duplicatesAfterAChangeRepeatOnlyEarlierValidRecordsAndIdsNeverComeBack() throws Exception {
        LiveWorkload repeats = new LiveWorkload(400, 0.25, 0.1, 0.2, 0.08, 0.15, CallTimeMode.UNIFORM, GapDistribution.UNIFORM);
        generator(repeats, ZoneOffset.UTC).start();
        waitFor(() -> lines.size() >= 300);
        generator.replace(with(repeats, 0.75, 0.1));
        waitFor(() -> lines.size() >= 900);
        generator.stop();

        Set<String> validSoFar = new HashSet<>();
        Set<String> ids = new HashSet<>();
        int repeated = 0;
        for (String line : snapshot(0)) {
            if (!CdrLineCheck.reasons(line, CdrFormat.CDR_JSON).isEmpty()) continue;
            if (validSoFar.contains(line)) {
                repeated++;
                continue;
            }
            validSoFar.add(line);
            assertThat(ids.add(Generated.read(line).id())).as("a new record with an id seen before: %s", line).isTrue();
        }
        GeneratedCounts counts = generator.status().generated();
        assertThat(repeated).isEqualTo(counts.duplicates()).isPositive();
        assertThat(counts.total()).isEqualTo(lines.size()).isEqualTo(generator.status().sent());
    }

    @Test
    void stopEndsSendingAndStartResumesItCountingOn() throws Exception {
        generator(with(CLEAN, 0.25, 0.0), ZoneOffset.UTC).start();
        waitFor(() -> lines.size() >= 50);
        generator.stop();
        assertThat(generator.running()).isFalse();
        int stoppedAt = lines.size();
        Thread.sleep(500);
        assertThat(lines).hasSize(stoppedAt);
        assertThat(generator.status().sent()).isEqualTo(stoppedAt);
        generator.stop(); // twice is harmless

        generator.start();
        generator.start(); // so is starting twice: still one sender
        waitFor(() -> lines.size() >= stoppedAt + 50);
        generator.stop();
        LiveCdrGenerator.Status s = generator.status();
        assertThat(s.running()).isFalse();
        assertThat(s.sent()).isEqualTo(lines.size());
        assertThat(s.generated().total()).isEqualTo(lines.size());
        assertThat(Set.copyOf(lines)).hasSize(lines.size()); // no duplicates asked for, none sent
    }

    @Test
    void theRateIsHeldAndMeasured() throws Exception {
        generator(rate(with(CLEAN, 0.25, 0.0), 100), ZoneOffset.UTC).start();
        long t0 = System.nanoTime();
        Thread.sleep(3000);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double measured = generator.status().measuredRate();
        System.out.printf("100/s asked: %d in %.2f s, measured %.1f/s%n", lines.size(), seconds, measured);
        assertThat(lines.size() / seconds).isBetween(60.0, 140.0);
        assertThat(measured).isBetween(60.0, 140.0);
        assertThat(generator.status().targetRateNow()).isEqualTo(100.0);

        generator.replace(rate(generator.settings(), 400));
        Thread.sleep(1000);
        int before = lines.size();
        long t1 = System.nanoTime();
        Thread.sleep(2000);
        double faster = (lines.size() - before) / ((System.nanoTime() - t1) / 1e9);
        System.out.printf("400/s asked: %.1f/s sent, measured %.1f/s%n", faster, generator.status().measuredRate());
        assertThat(faster).isBetween(240.0, 560.0);
        // the 5 s window: 3 s at 400/s after 2 s at 100/s, about 280/s
        assertThat(generator.status().measuredRate()).isBetween(180.0, 420.0);

        generator.stop();
        assertThat(generator.status().measuredRate()).isPositive(); // the last seconds' rate, until the window has passed
    }

    @Test
    void theCallTimeModeShapesTheRateByTheHourOfTheZone() throws Exception {
        LiveWorkload midnight = mode(rate(with(CLEAN, 0.25, 0.0), 20), CallTimeMode.MIDNIGHT);
        double night = sendsPerSecond(midnight, zoneWhereItIs(2));
        double day = sendsPerSecond(midnight, zoneWhereItIs(13));
        System.out.printf("MIDNIGHT at 20/s: %.1f/s at 2 h, %.1f/s at 13 h%n", night, day);
        // 20 × 3.27 at 2 h, 20 × 0.11 at 13 h
        assertThat(night).isBetween(40.0, 90.0);
        assertThat(day).isLessThan(8.0);
    }

    @Test
    void theGapDistributionShapesTheTimeBetweenRecords() throws Exception {
        double exponential = gapVariation(GapDistribution.EXPONENTIAL);
        double uniform = gapVariation(GapDistribution.UNIFORM);
        System.out.printf("coefficient of variation of gaps at 50/s: exponential %.2f, uniform %.2f%n", exponential, uniform);
        // 1 and 0.58 in theory; the scheduler's jitter adds to both
        assertThat(exponential).isGreaterThan(0.8);
        assertThat(uniform).isLessThan(exponential - 0.15);
    }

    @Test
    void settingsItCannotFollowAreRefusedAndTheOldOnesStay() throws Exception {
        generator = new LiveCdrGenerator(CLEAN, ZoneOffset.UTC, () -> Generated.BASE.withBusinesses(BusinessDirectory.EMPTY),
                Optional::empty, lines::add);
        LiveWorkload noBusiness = new LiveWorkload(200, 0.25, 0, 0, 0.1, 0, CallTimeMode.UNIFORM, GapDistribution.EXPONENTIAL);
        generator.replace(noBusiness);
        generator.start();
        assertThatThrownBy(() -> generator.replace(business(with(noBusiness, 1.0, 0.0), 0.3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("business directory");
        assertThat(generator.settings()).isEqualTo(noBusiness);
        waitFor(() -> lines.size() >= 20);
        assertThat(types(snapshot(0))).contains("VOICE");
    }

    @Test
    void badValuesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new LiveWorkload(0, 0.25, 0, 0, 0, 0, CallTimeMode.UNIFORM, GapDistribution.EXPONENTIAL))
                .hasMessageStartingWith("records_per_second must be from 0.01 to 20000");
        assertThatThrownBy(() -> rate(CLEAN, 20_001)).hasMessageStartingWith("records_per_second");
        assertThatThrownBy(() -> with(CLEAN, 1.5, 0)).hasMessageStartingWith("sms_share must be in [0, 1]");
        assertThatThrownBy(() -> with(CLEAN, 0.5, Double.NaN)).hasMessageStartingWith("error_rate");
        assertThatThrownBy(() -> new LiveWorkload(1, 0, 0.6, 0.6, 0, 0, CallTimeMode.UNIFORM, GapDistribution.EXPONENTIAL))
                .hasMessageStartingWith("error_rate + duplicate_rate");
        assertThatThrownBy(() -> business(CLEAN, 0.95)).hasMessageStartingWith("international_share + business_share");
        assertThatThrownBy(() -> new LiveWorkload(1, 0, 0, 0, 0, 0, null, GapDistribution.EXPONENTIAL)).hasMessage("call_time_mode");
        assertThat(LiveWorkload.defaults(200)).isEqualTo(new LiveWorkload(200, 0.25, 0.03, 0.01, 0.08, 0.15, CallTimeMode.UNIFORM,
                GapDistribution.EXPONENTIAL));
    }

    // ---- helpers

    double sendsPerSecond(LiveWorkload settings, ZoneId zone) throws Exception {
        generator(settings, zone).start();
        Thread.sleep(500); // the first record goes at once
        int before = lines.size();
        long t0 = System.nanoTime();
        Thread.sleep(2500);
        double rate = (lines.size() - before) / ((System.nanoTime() - t0) / 1e9);
        generator.close();
        return rate;
    }

    double gapVariation(GapDistribution gap) throws Exception {
        sentAt.clear();
        generator(gap(rate(with(CLEAN, 0.25, 0.0), 50), gap), ZoneOffset.UTC).start();
        Thread.sleep(3000);
        generator.close();
        List<Long> times = List.copyOf(sentAt);
        double[] gaps = new double[times.size() - 1];
        for (int i = 1; i < times.size(); i++) gaps[i - 1] = (times.get(i) - times.get(i - 1)) / 1e6;
        double mean = java.util.Arrays.stream(gaps).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(gaps).map(g -> (g - mean) * (g - mean)).sum() / (gaps.length - 1));
        return sd / mean;
    }

    /** A fixed-offset zone whose local hour is {@code hour} now. */
    static ZoneId zoneWhereItIs(int hour) {
        int utc = Instant.now().atZone(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(hour - utc, 24);
        if (offset > 14) offset -= 24;
        return ZoneOffset.ofHours(offset);
    }

    static LiveWorkload with(LiveWorkload w, double smsShare, double errorRate) {
        return new LiveWorkload(w.recordsPerSecond(), smsShare, errorRate, w.duplicateRate(), w.internationalShare(), w.businessShare(),
                w.callTimeMode(), w.gap());
    }

    static LiveWorkload rate(LiveWorkload w, double perSecond) {
        return new LiveWorkload(perSecond, w.smsShare(), w.errorRate(), w.duplicateRate(), w.internationalShare(), w.businessShare(),
                w.callTimeMode(), w.gap());
    }

    static LiveWorkload mode(LiveWorkload w, CallTimeMode mode) {
        return new LiveWorkload(w.recordsPerSecond(), w.smsShare(), w.errorRate(), w.duplicateRate(), w.internationalShare(), w.businessShare(),
                mode, w.gap());
    }

    static LiveWorkload gap(LiveWorkload w, GapDistribution gap) {
        return new LiveWorkload(w.recordsPerSecond(), w.smsShare(), w.errorRate(), w.duplicateRate(), w.internationalShare(), w.businessShare(),
                w.callTimeMode(), gap);
    }

    static LiveWorkload business(LiveWorkload w, double share) {
        return new LiveWorkload(w.recordsPerSecond(), w.smsShare(), w.errorRate(), w.duplicateRate(), w.internationalShare(), share,
                w.callTimeMode(), w.gap());
    }

    List<String> snapshot(int from) {
        synchronized (lines) {
            return List.copyOf(lines.subList(Math.min(from, lines.size()), lines.size()));
        }
    }

    static Set<String> types(List<String> jsonLines) {
        Set<String> types = new HashSet<>();
        for (String l : jsonLines) types.add(type(l));
        return types;
    }

    static String type(String jsonLine) {
        return Generated.read(jsonLine).type().name();
    }

    static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 20 s");
            Thread.sleep(20);
        }
    }
}
