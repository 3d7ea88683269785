package dev.switchboard.rating;

import static dev.switchboard.rating.RatingFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BandsTest {
    private static Bands.At at(String local) {
        return Bands.at(local(local), ZONE, BANDS, Set.of(HOLIDAY));
    }

    @Test
    void dayKindIsHolidayThenWeekendThenWeekday() {
        assertThat(Bands.dayKind(LocalDate.parse("2026-03-02"), Set.of(HOLIDAY))).isEqualTo(DayKind.WEEKDAY);
        assertThat(Bands.dayKind(LocalDate.parse("2026-03-07"), Set.of(HOLIDAY))).isEqualTo(DayKind.WEEKEND);
        assertThat(Bands.dayKind(LocalDate.parse("2026-03-08"), Set.of(HOLIDAY))).isEqualTo(DayKind.WEEKEND);
        assertThat(Bands.dayKind(HOLIDAY, Set.of(HOLIDAY))).isEqualTo(DayKind.HOLIDAY);
        assertThat(Bands.dayKind(LocalDate.parse("2026-03-07"), Set.of(LocalDate.parse("2026-03-07")))).isEqualTo(DayKind.HOLIDAY);
    }

    @Test
    void bandBoundariesAreFromInclusiveToExclusiveInTheLocalZone() {
        assertThat(at("2026-03-02T07:59").bandName()).isEqualTo("offpeak");
        assertThat(at("2026-03-02T08:00").bandName()).isEqualTo("peak");
        assertThat(at("2026-03-02T19:59").bandName()).isEqualTo("peak");
        assertThat(at("2026-03-02T20:00").bandName()).isEqualTo("offpeak");
        // 08:30 local is 07:30 UTC: the zone decides, not UTC
        assertThat(at("2026-03-02T08:30").local().getHour()).isEqualTo(8);
    }

    @Test
    void aWrappingBandCoversBothSidesOfMidnightOnItsDayKinds() {
        assertThat(at("2026-03-02T23:30").bandName()).isEqualTo("offpeak");
        assertThat(at("2026-03-03T02:00").bandName()).isEqualTo("offpeak");
        // Saturday 02:00 is a weekend minute, though the weekday off-peak band opened on Friday evening
        assertThat(at("2026-03-07T02:00").bandName()).isEqualTo("weekend");
    }

    @Test
    void theFirstBandInPlanOrderWinsAndNoBandIsNull() {
        TimeBand all = new TimeBand("all", Set.of(DayKind.WEEKDAY), 0, 1440);
        assertThat(Bands.at(local("2026-03-02T10:00"), ZONE, List.of(all, PEAK), Set.of()).bandName()).isEqualTo("all");
        assertThat(Bands.at(local("2026-03-07T10:00"), ZONE, List.of(PEAK), Set.of()).band()).isNull();
    }
}
