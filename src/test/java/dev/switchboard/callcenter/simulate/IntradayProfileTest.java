package dev.switchboard.callcenter.simulate;

import static dev.switchboard.callcenter.simulate.CallCenterFixtures.MONDAY;
import static dev.switchboard.callcenter.simulate.CallCenterFixtures.only;
import static dev.switchboard.callcenter.simulate.CallCenterFixtures.simulation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.switchboard.callcenter.CallEvent;
import dev.switchboard.callcenter.CallEventType;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntradayProfileTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void callCenterProfilePeaksLateMorningAndMidAfternoonAndIsQuieterAtWeekends() {
        IntradayProfile p = IntradayProfile.CALL_CENTER;
        LocalDateTime monday = LocalDateTime.of(2025, 1, 6, 0, 0);
        assertThat(p.rate(monday.withHour(10))).isEqualTo(1.0);
        assertThat(p.rate(monday.withHour(15))).isGreaterThan(p.rate(monday.withHour(12)));
        assertThat(p.rate(monday.withHour(3))).isLessThan(0.05);
        assertThat(p.rate(monday.plusDays(5).withHour(10))).isLessThan(0.5);
        assertThat(IntradayProfile.FLAT.rate(monday.withHour(3))).isEqualTo(1.0);
    }

    @Test
    void aProfileMustPeakAtOne() {
        assertThatThrownBy(() -> new IntradayProfile("x", new double[24], new double[24]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void arrivalsPerLocalHourFollowTheProfile() {
        // 20 weekdays at 200 calls an hour at the peak; counted in the zone of the center.
        CallCenterConfig config = CallCenterConfig.defaults(PARIS, 12).withTraffic(200, IntradayProfile.CALL_CENTER)
                .withAgentsAroundTheClock(30);
        List<CallEvent> queued = only(simulation(config).run(MONDAY, MONDAY.plus(Duration.ofDays(28))), CallEventType.QUEUED);
        double[] weekday = new double[24];
        for (CallEvent e : queued) {
            ZonedDateTime local = e.time().atZone(PARIS);
            if (local.getDayOfWeek() != DayOfWeek.SATURDAY && local.getDayOfWeek() != DayOfWeek.SUNDAY)
                weekday[local.getHour()]++;
        }
        // Monday 00:00 UTC is 01:00 in Paris: the first local hour of the first weekday is not simulated.
        double[] expected = IntradayProfile.CALL_CENTER.weekday();
        for (int h = 0; h < 24; h++) {
            double mean = 200 * expected[h] * 20;
            if (mean >= 1_000) assertThat(weekday[h] / mean).as("hour %d", h).isCloseTo(1.0, within(0.1));
        }
        assertThat(weekday[10] + weekday[11]).isGreaterThan(30 * (weekday[2] + weekday[3]));
        assertThat(weekday[15]).isGreaterThan(weekday[12]);
    }
}
