package dev.switchboard.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class StaffingForecastTest {
    private static final StaffingForecast.Request REQUEST = new StaffingForecast.Request(8, null, new ServiceTarget(0.8, 20), 4, null);

    /** Half hours are local: in Kathmandu (UTC+5:45) 10:50 local is in the interval of 10:30 local, 04:45Z. */
    @Test
    void intervalsStartAtLocalHalfHours() {
        StaffingForecast kathmandu = new StaffingForecast(null, ZoneId.of("Asia/Kathmandu"), () -> Instant.EPOCH);
        assertThat(kathmandu.intervalStart(Instant.parse("2026-03-02T05:05:00Z"))).isEqualTo(Instant.parse("2026-03-02T04:45:00Z"));
        StaffingForecast paris = new StaffingForecast(null, ZoneId.of("Europe/Paris"), () -> Instant.EPOCH);
        assertThat(paris.intervalStart(Instant.parse("2026-03-29T01:29:59Z"))).isEqualTo(Instant.parse("2026-03-29T01:00:00Z")); // 03:29 CEST
        assertThat(paris.intervalStart(Instant.parse("2026-03-29T00:59:00Z"))).isEqualTo(Instant.parse("2026-03-29T00:30:00Z")); // 01:59 CET
    }

    @Test
    void withoutHistoryOrCallsThereIsNothingToCompute() {
        Instant s = Instant.parse("2026-03-02T10:00:00Z");
        IntervalForecast none = StaffingForecast.interval(new IntervalHistory(s, 0, 0, 0, 0, 0, 0, 0, 0), REQUEST);
        assertThat(none.neededErlangC()).isNull();
        assertThat(none.agents()).isNull();
        assertThat(none.note()).contains("no history");
        IntervalForecast quiet = StaffingForecast.interval(new IntervalHistory(s, 2, 0, 0, 0, 0, 0, 0, 0), REQUEST);
        assertThat(quiet.neededErlangC()).isZero();
        assertThat(quiet.neededErlangA()).isZero();
        assertThat(quiet.erlangA()).isNull();
    }

    /** Calls that never waited give no patience: Erlang C only. Given agents replace the measured ones. */
    @Test
    void erlangANeedsAWaitToEstimatePatience() {
        Instant s = Instant.parse("2026-03-02T10:00:00Z");
        IntervalHistory noWait = new IntervalHistory(s, 1, 10, 10, 0, 10, 1800, 0, 3);
        IntervalForecast f = StaffingForecast.interval(noWait, REQUEST);
        assertThat(f.agents()).isEqualTo(3);
        assertThat(f.neededErlangC()).isEqualTo(ErlangC.agentsNeeded(Traffic.perInterval(10, 1800, 180), REQUEST.target()));
        assertThat(f.erlangA()).isNull();
        assertThat(f.note()).contains("patience");
        IntervalForecast given = StaffingForecast.interval(noWait, new StaffingForecast.Request(8, null, REQUEST.target(), 4, 5));
        assertThat(given.agents()).isEqualTo(5);
        assertThat(given.agentsMeasured()).isFalse();
        assertThat(given.erlangC().agents()).isEqualTo(5);
    }
}
