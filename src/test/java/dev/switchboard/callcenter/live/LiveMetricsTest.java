package dev.switchboard.callcenter.live;

import static dev.switchboard.callcenter.live.LiveMetricsFixture.abandoned;
import static dev.switchboard.callcenter.live.LiveMetricsFixture.answered;
import static dev.switchboard.callcenter.live.LiveMetricsFixture.ended;
import static dev.switchboard.callcenter.live.LiveMetricsFixture.queued;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.switchboard.callcenter.CallSubject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveMetricsTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** 2026-11-27 10:00 in New York (UTC−5). */
    private static final Instant TEN = Instant.parse("2026-11-27T15:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-11-27");

    @Test
    void waitingNowCountsCallsQueuedAndNotYetLeftPerQueueWithTheOldestWait() {
        try (var f = new LiveMetricsFixture(NEW_YORK, TEN.plusSeconds(100))) {
            f.send(queued("a", "sales", TEN));
            f.send(queued("b", "support", TEN.plusSeconds(30)));
            f.send(queued("c", "sales", TEN.plusSeconds(40)));
            f.send(answered("a", "sales", TEN.plusSeconds(50), 50));

            LiveSnapshot.WaitingNow w = f.view.live().waiting();
            assertThat(w.total()).isEqualTo(2);
            assertThat(w.byQueue()).isEqualTo(Map.of("sales", 1L, "support", 1L));
            assertThat(w.oldestWaitSec()).isEqualTo(70); // b, queued at +30, now +100
        }
    }

    @Test
    void trailingWindowIsTheLastTenMinutesUpToNowExcludingItsStartEdge() {
        Instant now = TEN.plus(Duration.ofMinutes(30));
        try (var f = new LiveMetricsFixture(NEW_YORK, now)) {
            f.send(answered("edge", "q", now.minus(Duration.ofMinutes(10)), 100));          // exactly 10 min ago: out
            f.send(answered("in1", "q", now.minus(Duration.ofMinutes(10)).plusSeconds(1), 10)); // in
            f.send(answered("in2", "q", now, 30));                                             // in
            f.send(abandoned("ab", "q", now.minusSeconds(60), 45));                            // in, reported apart

            LiveSnapshot.Trailing t = f.view.live().trailing();
            assertThat(t.answered()).isEqualTo(2);
            assertThat(t.avgWaitSec()).isEqualTo(20.0);
            assertThat(t.abandoned()).isEqualTo(1);
            assertThat(t.avgAbandonedWaitSec()).isEqualTo(45.0);

            f.advanceWall(Duration.ofSeconds(2)); // the window slides with the clock: in1 falls out
            t = f.view.live().trailing();
            assertThat(t.answered()).isEqualTo(1);
            assertThat(t.avgWaitSec()).isEqualTo(30.0);
        }
    }

    @Test
    void bucketsCountEachEventWhereItHappenedAndTrackWaitingAtTheirEnd() {
        try (var f = new LiveMetricsFixture(NEW_YORK, TEN.plus(Duration.ofMinutes(20)))) {
            // bucket 120 = 10:00–10:05, 121 = 10:05–10:10, 122 = 10:10–10:15
            f.send(queued("a", "q", TEN.plusSeconds(10)));
            f.send(queued("b", "q", TEN.plusSeconds(20)));
            f.send(queued("c", "q", TEN.plusSeconds(280)));
            f.send(answered("a", "q", TEN.plusSeconds(40), 30));
            f.send(abandoned("b", "q", TEN.plusSeconds(320), 300));   // 10:05:20, bucket 121
            f.send(answered("c", "q", TEN.plusSeconds(610), 330));    // 10:10:10, bucket 122
            f.send(ended("a", "q", TEN.plusSeconds(640), 30, 600, CallSubject.COMPLAINT));

            List<BucketRow> rows = f.view.buckets(DAY, List.of(ServiceLevel.values()));
            assertThat(rows).hasSize(125); // 00:00 up to the bucket of now (10:20)
            BucketRow b120 = rows.get(120), b121 = rows.get(121), b122 = rows.get(122);
            assertThat(b120.label()).isEqualTo("10:00");
            assertThat(List.of(b120.offered(), b120.answered(), b120.abandoned(), b120.waitingAtEnd())).containsExactly(3L, 1L, 0L, 2L);
            assertThat(b120.avgWaitSec()).isEqualTo(30.0);
            assertThat(b120.maxWaitSec()).isEqualTo(30);
            assertThat(List.of(b121.offered(), b121.answered(), b121.abandoned(), b121.waitingAtEnd())).containsExactly(0L, 0L, 1L, 1L);
            assertThat(b121.maxWaitSec()).isEqualTo(300);
            assertThat(b121.avgWaitSec()).isNull();
            assertThat(List.of(b122.offered(), b122.answered(), b122.waitingAtEnd())).containsExactly(0L, 1L, 0L);
            assertThat(rows.get(119).waitingAtEnd()).isZero();

            DaySummary s = f.view.summary(DAY);
            assertThat(List.of(s.complaint(), s.total(), s.offered(), s.answered(), s.abandoned())).containsExactly(1L, 1L, 3L, 2L, 1L);
        }
    }

    @Test
    void serviceLevelDefinitionsFollowTheirFormulas() {
        // threshold 20 s, short abandon 5 s
        try (var f = new LiveMetricsFixture(NEW_YORK, TEN.plus(Duration.ofMinutes(30)))) {
            int i = 0;
            for (int wait : new int[] {5, 20, 21, 60}) {          // 4 answered, 2 within 20 s
                String id = "ans" + i++;
                f.send(queued(id, "q", TEN));
                f.send(answered(id, "q", TEN.plusSeconds(wait), wait));
            }
            for (int wait : new int[] {3, 15, 90}) {              // 3 abandoned: 2 within 20 s, 1 short
                String id = "ab" + i++;
                f.send(queued(id, "q", TEN));
                f.send(abandoned(id, "q", TEN.plusSeconds(wait), wait));
            }
            f.send(queued("waiting", "q", TEN.plusSeconds(100)));  // offered, still waiting
            f.send(ended("ans0", "q", TEN.plusSeconds(305), 5, 300, CallSubject.OTHER));
            f.send(ended("ans1", "q", TEN.plusSeconds(520), 20, 500, CallSubject.OTHER));

            Kpis k = f.view.kpis(DAY, List.of(ServiceLevel.values()));
            Map<String, Double> sl = new java.util.HashMap<>();
            k.serviceLevels().forEach(fig -> sl.put(fig.definition(), fig.value()));
            assertThat(sl.get("connect")).isCloseTo(4.0 / 8, within(1e-9));          // (2+2)/8 offered
            assertThat(sl.get("genesys")).isCloseTo(2.0 / 7, within(1e-9));          // 2/(4+3)
            assertThat(sl.get("asterisk-sl")).isCloseTo(2.0 / 4, within(1e-9));      // 2/4
            assertThat(sl.get("asterisk-sl2")).isCloseTo(4.0 / 7, within(1e-9));     // (2+2)/(4+3)
            assertThat(sl.get("no-short-abandons")).isCloseTo(2.0 / 6, within(1e-9)); // 2/(4+3−1)
            assertThat(k.asaSec()).isCloseTo((5 + 20 + 21 + 60) / 4.0, within(1e-9));
            assertThat(k.ahtSec()).isCloseTo(400.0, within(1e-9));
            assertThat(k.abandonmentRate()).isCloseTo(3.0 / 8, within(1e-9));
            assertThat(k.abandonmentRateExcludingShort()).isCloseTo(2.0 / 7, within(1e-9));
            assertThat(k.thresholdSec()).isEqualTo(20);
        }
    }

    @Test
    void emptyDayHasNoRatesRatherThanZeroOrNaN() {
        try (var f = new LiveMetricsFixture(NEW_YORK, TEN)) {
            Kpis k = f.view.kpis(DAY, List.of(ServiceLevel.values()));
            assertThat(k.asaSec()).isNull();
            assertThat(k.serviceLevels()).allSatisfy(fig -> assertThat(fig.value()).isNull());
        }
    }

    @Test
    void outOfOrderAndRepeatedEventsAreCountedOnceInTheRightBucket() {
        try (var f = new LiveMetricsFixture(NEW_YORK, TEN.plus(Duration.ofMinutes(20)))) {
            f.send(answered("x", "q", TEN.plusSeconds(400), 100));  // before its QUEUED: queued implied at 10:05:00
            f.send(queued("x", "q", TEN.plusSeconds(300)));         // late, must not count again nor wait
            f.send(answered("x", "q", TEN.plusSeconds(400), 100));  // repeat
            f.send(abandoned("x", "q", TEN.plusSeconds(500), 200)); // contradicts the answer: ignored
            f.send(ended("x", "q", TEN.plusSeconds(700), 100, 300, CallSubject.JOINING));
            f.send(ended("x", "q", TEN.plusSeconds(700), 100, 300, CallSubject.JOINING));

            List<BucketRow> rows = f.view.buckets(DAY, List.of());
            assertThat(rows.get(121).offered()).isEqualTo(1);
            assertThat(rows.get(121).answered()).isEqualTo(1);
            assertThat(rows.stream().mapToLong(BucketRow::offered).sum()).isEqualTo(1);
            assertThat(rows.stream().mapToLong(BucketRow::abandoned).sum()).isZero();
            assertThat(f.view.live().waiting().total()).isZero();
            assertThat(f.view.summary(DAY).joining()).isEqualTo(1);
            assertThat(f.view.kpis(DAY, List.of()).ahtSec()).isEqualTo(300.0);
        }
    }

    @Test
    void anEndWithoutItsAnswerStillCountsTheAnswerFromItsWaitAndTalk() {
        try (var f = new LiveMetricsFixture(NEW_YORK, TEN.plus(Duration.ofMinutes(20)))) {
            f.send(queued("y", "q", TEN));
            f.send(ended("y", "q", TEN.plusSeconds(70), 10, 60, CallSubject.OTHER)); // answered at +10 after 10 s
            Tally today = f.view.live().today();
            assertThat(List.of(today.offered(), today.answered(), today.ended(), today.answeredWaitSec())).containsExactly(1L, 1L, 1L, 10L);
            assertThat(f.view.live().waiting().total()).isZero();
        }
    }

    @Test
    void lateEventOfYesterdayIsCountedInYesterday() {
        Instant yesterday = TEN.minus(Duration.ofDays(1));
        try (var f = new LiveMetricsFixture(NEW_YORK, TEN)) {
            f.send(queued("today", "q", TEN));
            f.send(queued("late", "q", yesterday));
            f.send(abandoned("late", "q", yesterday.plusSeconds(30), 30));
            assertThat(f.view.summary(DAY).offered()).isEqualTo(1);
            assertThat(f.view.summary(DAY.minusDays(1)).offered()).isEqualTo(1);
            assertThat(f.view.summary(DAY.minusDays(1)).abandoned()).isEqualTo(1);
            assertThat(f.view.buckets(DAY.minusDays(1), List.of())).hasSize(288);
        }
    }

    @Test
    void midnightIsLocalAndCallsWaitingAcrossItAreCarriedIntoTheNewDay() {
        Instant midnight = Instant.parse("2026-11-28T05:00:00Z"); // 00:00 in New York
        try (var f = new LiveMetricsFixture(NEW_YORK, midnight.plus(Duration.ofMinutes(7)))) {
            f.send(queued("before", "q", midnight.minusSeconds(60)));
            f.send(answered("early", "q", midnight.minusSeconds(10), 5));
            f.send(answered("before", "q", midnight.plusSeconds(400), 460)); // 00:06:40, bucket 1

            LiveSnapshot live = f.view.live();
            assertThat(live.date()).isEqualTo(LocalDate.parse("2026-11-28"));
            assertThat(live.since()).isEqualTo(midnight);
            assertThat(live.today().offered()).isZero();
            assertThat(live.today().answered()).isEqualTo(1);
            assertThat(live.trailing().answered()).isEqualTo(1); // the trailing window does not reach back past midnight
            List<BucketRow> rows = f.view.buckets(LocalDate.parse("2026-11-28"), List.of());
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).waitingAtEnd()).isEqualTo(1); // carried over midnight
            assertThat(rows.get(1).waitingAtEnd()).isZero();
            assertThat(f.view.summary(LocalDate.parse("2026-11-27")).offered()).isEqualTo(2); // "early": queued implied at 23:59:45
        }
    }

    @Test
    void daylightSavingDaysHaveShorterOrLongerBucketGrids() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        DayGrid grid = new DayGrid(berlin);
        assertThat(grid.buckets(LocalDate.parse("2026-03-29"))).isEqualTo(276);
        assertThat(grid.buckets(LocalDate.parse("2026-10-25"))).isEqualTo(300);
        assertThat(grid.buckets(LocalDate.parse("2026-11-27"))).isEqualTo(288);

        Instant tenPastThree = Instant.parse("2026-03-29T01:10:00Z"); // 03:10 CEST, 2 h 10 min after midnight
        try (var f = new LiveMetricsFixture(berlin, tenPastThree.plusSeconds(60))) {
            f.send(queued("d", "q", tenPastThree));
            List<BucketRow> rows = f.view.buckets(LocalDate.parse("2026-03-29"), List.of());
            assertThat(rows).hasSize(27);
            assertThat(rows.get(26).label()).isEqualTo("03:10");
            assertThat(rows.get(26).offered()).isEqualTo(1);
            assertThat(rows.get(24).label()).isEqualTo("03:00"); // 02:00–02:55 never happened that day
        }
        assertThat(grid.label(LocalDate.parse("2026-10-25"), 24)).isEqualTo("02:00");
        assertThat(grid.label(LocalDate.parse("2026-10-25"), 36)).isEqualTo("02:00"); // the repeated hour
    }

    @Test
    void resetStartsTheDayAgainButKeepsCallsStillWaiting() {
        try (var f = new LiveMetricsFixture(NEW_YORK, TEN.plus(Duration.ofMinutes(20)))) {
            f.send(queued("a", "q", TEN));
            f.send(answered("a", "q", TEN.plusSeconds(5), 5));
            f.send(queued("w", "q", TEN.plusSeconds(60)));
            Instant resetAt = TEN.plus(Duration.ofMinutes(6)); // 10:06
            f.reset(resetAt);
            assertThat(f.view.live().since()).isEqualTo(resetAt);
            assertThat(f.view.live().today()).isEqualTo(Tally.ZERO);
            assertThat(f.view.live().waiting().total()).isEqualTo(1);
            assertThat(f.view.live().trailing().answered()).isZero();

            f.send(queued("late-before-reset", "q", TEN.plusSeconds(200))); // event time before the reset: not counted
            f.send(answered("w", "q", TEN.plus(Duration.ofMinutes(8)), 420));
            Tally today = f.view.live().today();
            assertThat(List.of(today.offered(), today.answered())).containsExactly(0L, 1L);
            List<BucketRow> rows = f.view.buckets(DAY, List.of());
            assertThat(rows.get(120).waitingAtEnd()).isNull();       // 10:00–10:05, before the reset
            assertThat(rows.get(121).waitingAtEnd()).isEqualTo(1L);  // "w", waiting since before the reset
            assertThat(rows.get(122).waitingAtEnd()).isEqualTo(1L);
        }
    }

    @Test
    void callsThatNeverLeaveTheQueueExpireAfterTheLongestWait() {
        MetricsRules rules = new MetricsRules(NEW_YORK, Thresholds.DEFAULT, Duration.ofMinutes(30), MetricsRules.TRAILING, 35);
        try (var f = new LiveMetricsFixture(rules, TEN)) {
            f.send(queued("lost", "q", TEN));
            f.send(queued("other", "q", TEN.plus(Duration.ofMinutes(31))));
            f.advanceWall(Duration.ofMinutes(31)); // housekeeping runs on the wall clock
            assertThat(f.view.live().waiting().total()).isEqualTo(1);
            assertThat(f.view.live().today().expired()).isEqualTo(1);
        }
    }
}
