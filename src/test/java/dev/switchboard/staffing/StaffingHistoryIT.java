package dev.switchboard.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.switchboard.callcenter.CallHistory;
import dev.switchboard.callcenter.CompletedCall;
import dev.switchboard.store.Database;
import dev.switchboard.store.Dialect;
import dev.switchboard.store.StoreFixtures;
import dev.switchboard.store.TableMapping;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The measured inputs on a small hand-made {@code call} history, figures worked by hand, on DuckDB and PostgreSQL.
 * The interval is Monday 2026-03-30 10:00–10:30 in Paris, the day after clocks went forward: its windows one to
 * four weeks back are 10:00 local in winter time (09:00Z), not 7×24 h back (08:00Z). The history starts on
 * 2026-03-09 08:00 local, so of four weeks only three (03-23, 03-16, 03-09) are covered.
 *
 * <pre>
 * week   call  queue    queued (local)  outcome    wait  talk  agent
 * 03-23  s1    support  10:02           ANSWERED     10   200  A
 *        s2    support  10:10           ANSWERED     30   100  B
 *        s3    support  10:20           ABANDONED    40
 *        x1    sales    10:15           ANSWERED      0   300  C
 *        late  support  10:30:00        ANSWERED      5    50  A    (next interval)
 *        early support  09:59:59        ANSWERED      5    50  D    (before)
 *        utc   support  09:10           ANSWERED      5    50  D    (in 08:00Z–08:30Z, the window a fixed 7×24 h would take)
 * 03-16  s4    support  10:05           ANSWERED     20   150  A
 *        s5    support  10:25           ABANDONED    10
 * 03-09  s6    support  10:00:00        ANSWERED      0   250  B
 *        first support  08:00           ABANDONED     5              (the history's first call)
 * </pre>
 * All queues: 7 calls over 3 weeks = 7/3 per interval; AHT (200+100+300+150+250)/5 = 200 s; waits 110 s with
 * 2 abandoned: θ̂ = 2/110, mean patience 55 s; agents {A,B,C}, {A}, {B}: 5/3. Support: 6/3 = 2 calls; AHT
 * 700/4 = 175 s; waits 110 s, 2 abandoned: 55 s; agents {A,B}, {A}, {B}: 4/3.
 */
class StaffingHistoryIT {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant START = at("2026-03-30T10:00:00");
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void inputsAreTheHandWorkedOnes(Dialect dialect) throws Exception {
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(dialect, dir); Database db = store.open()) {
            db.write(callRows(), history());
            StaffingHistory history = new StaffingHistory(db, PARIS);
            Instant first = history.firstCall();
            assertThat(first).isEqualTo(at("2026-03-09T08:00:00"));
            assertThat(history.queues()).containsExactly("sales", "support");

            IntervalHistory all = history.measure(START, null, 4, first);
            assertThat(all).isEqualTo(new IntervalHistory(START, 3, 7, 5, 2, 5, 1000, 110, 5));
            assertThat(all.callsPerInterval()).isCloseTo(7.0 / 3, within(1e-12));
            assertThat(all.ahtSec()).isCloseTo(200, within(1e-12));
            assertThat(all.meanPatienceSec()).isCloseTo(55, within(1e-12));
            assertThat(all.agentsSeen()).isCloseTo(5.0 / 3, within(1e-12));

            IntervalHistory support = history.measure(START, "support", 4, first);
            assertThat(support).isEqualTo(new IntervalHistory(START, 3, 6, 4, 2, 4, 700, 110, 4));
            assertThat(support.ahtSec()).isCloseTo(175, within(1e-12));

            assertThat(history.measure(START, null, 1, first)).isEqualTo(new IntervalHistory(START, 1, 4, 3, 1, 3, 600, 80, 3));
            assertThat(history.measure(START, "nobody", 4, first)).isEqualTo(new IntervalHistory(START, 3, 0, 0, 0, 0, 0, 0, 0));

            // The forecast at 10:10 on 03-30 for one hour: the interval now is in, then 10:30 (only 'late': 1 call in 3 weeks).
            StaffingForecast forecast = new StaffingForecast(history, PARIS, Clock.fixed(at("2026-03-30T10:10:00"), ZoneOffset.UTC));
            ServiceTarget target = new ServiceTarget(0.8, 20);
            StaffingForecast.Forecast f = forecast.forecast(new StaffingForecast.Request(1, null, target, 4, null));
            assertThat(f.intervals()).extracting(i -> i.measured().start()).containsExactly(START, START.plusSeconds(1800));
            IntervalForecast now = f.intervals().get(0);
            Traffic traffic = Traffic.perInterval(7.0 / 3, 1800, 200);
            assertThat(now.agents()).isEqualTo(2); // 5/3 rounded
            assertThat(now.neededErlangC()).isEqualTo(ErlangC.agentsNeeded(traffic, target));
            assertThat(now.neededErlangA()).isEqualTo(ErlangA.agentsNeeded(traffic, 55, target));
            assertThat(now.erlangA()).isEqualTo(ErlangA.outcome(traffic, 55, 2, 20));
            assertThat(f.intervals().get(1).measured()).isEqualTo(new IntervalHistory(START.plusSeconds(1800), 3, 1, 1, 0, 1, 50, 5, 1));
            IntervalForecast next = f.intervals().get(1); // 1/3 agent rounds to 0; nobody hung up: infinite patience, so Erlang C
            assertThat(next.agents()).isZero();
            assertThat(next.erlangA().probAbandon()).isZero();
            assertThat(next.erlangA().serviceLevel()).isZero();
            assertThat(next.erlangC().stable()).isFalse();
        }
    }

    /** Kathmandu is UTC+5:45: its half hours start at :15 and :45 UTC, and a call is counted in its local half hour. */
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void halfHoursAreLocalInAQuarterHourZone(Dialect dialect) throws Exception {
        ZoneId kathmandu = ZoneId.of("Asia/Kathmandu");
        Instant start = LocalDateTime.parse("2026-03-30T10:30:00").atZone(kathmandu).toInstant(); // 04:45Z
        Instant weekBefore = start.minusSeconds(7 * 86400);
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(dialect, dir); Database db = store.open()) {
            db.write(callRows(), List.of(
                    new CompletedCall("in", "support", null, weekBefore.plusSeconds(600), null, weekBefore.plusSeconds(630), "ABANDONED", 30, null, null,
                            null, null, null, null, null, 0, null),
                    new CompletedCall("before", "support", null, weekBefore.minusSeconds(1), null, weekBefore.plusSeconds(29), "ABANDONED", 30, null,
                            null, null, null, null, null, null, 0, null)));
            StaffingHistory history = new StaffingHistory(db, kathmandu);
            assertThat(history.measure(start, null, 1, history.firstCall())).isEqualTo(new IntervalHistory(start, 1, 1, 0, 1, 0, 0, 30, 0));
        }
    }

    @SuppressWarnings("unchecked")
    private static TableMapping<CompletedCall> callRows() {
        return (TableMapping<CompletedCall>) CallHistory.routes().get(0).mapping();
    }

    private static List<CompletedCall> history() {
        List<CompletedCall> calls = new ArrayList<>();
        calls.add(answered("s1", "support", "2026-03-23T10:02:00", 10, 200, "A"));
        calls.add(answered("s2", "support", "2026-03-23T10:10:00", 30, 100, "B"));
        calls.add(abandoned("s3", "support", "2026-03-23T10:20:00", 40));
        calls.add(answered("x1", "sales", "2026-03-23T10:15:00", 0, 300, "C"));
        calls.add(answered("late", "support", "2026-03-23T10:30:00", 5, 50, "A"));
        calls.add(answered("early", "support", "2026-03-23T09:59:59", 5, 50, "D"));
        calls.add(answered("utc", "support", "2026-03-23T09:10:00", 5, 50, "D"));
        calls.add(answered("s4", "support", "2026-03-16T10:05:00", 20, 150, "A"));
        calls.add(abandoned("s5", "support", "2026-03-16T10:25:00", 10));
        calls.add(answered("s6", "support", "2026-03-09T10:00:00", 0, 250, "B"));
        calls.add(abandoned("first", "support", "2026-03-09T08:00:00", 5));
        return calls;
    }

    private static CompletedCall answered(String id, String queue, String local, int wait, int talk, String agent) {
        Instant q = at(local);
        return new CompletedCall(id, queue, "+12025550101", q, q.plusSeconds(wait), q.plusSeconds(wait + talk), "ANSWERED", wait, talk, agent,
                null, null, null, null, null, 0, null);
    }

    private static CompletedCall abandoned(String id, String queue, String local, int wait) {
        Instant q = at(local);
        return new CompletedCall(id, queue, null, q, null, q.plusSeconds(wait), "ABANDONED", wait, null, null, null, null, null, null, null, 0, null);
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(PARIS).toInstant();
    }
}
