package dev.switchboard.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.marketing.LocalTimeSql.Segment;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LocalTimeSqlTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Instant MARCH_1 = Instant.parse("2026-03-01T05:00:00Z"), APRIL_1 = Instant.parse("2026-04-01T04:00:00Z");

    @Test
    void aRangeAcrossTheSwitchToSummerTimeHasTwoSegments() {
        assertThat(LocalTimeSql.segments("America/New_York", NEW_YORK, MARCH_1, APRIL_1)).containsExactly(
                new Segment("America/New_York", MARCH_1.getEpochSecond(), Instant.parse("2026-03-08T07:00:00Z").getEpochSecond(), -5 * 3600),
                new Segment("America/New_York", Instant.parse("2026-03-08T07:00:00Z").getEpochSecond(), APRIL_1.getEpochSecond(), -4 * 3600));
        assertThat(LocalTimeSql.local("e", NEW_YORK, MARCH_1, APRIL_1)).isEqualTo("(e + CASE WHEN e < 1772953200 THEN -18000 ELSE -14400 END)");
    }

    @Test
    void aRangeWithoutASwitchIsOneOffset() {
        Instant end = Instant.parse("2026-03-05T05:00:00Z");
        assertThat(LocalTimeSql.segments("America/New_York", NEW_YORK, MARCH_1, end)).hasSize(1);
        assertThat(LocalTimeSql.local("e", NEW_YORK, MARCH_1, end)).isEqualTo("(e + -18000)");
        assertThat(LocalTimeSql.segments("UTC", NEW_YORK, MARCH_1, APRIL_1)).extracting(Segment::offset).containsExactly(0);
    }

    @Test
    void anUnknownZoneNameTakesTheFallbacksRulesAndABadOneIsRefused() {
        assertThat(LocalTimeSql.segments("Mars/Olympus", NEW_YORK, MARCH_1, APRIL_1)).extracting(Segment::offset).containsExactly(-18000, -14400);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LocalTimeSql.local("e", "caller_zone", java.util.List.of("x'; DROP TABLE cdr; --"), NEW_YORK, MARCH_1, APRIL_1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aZoneColumnGetsABranchPerZoneAndTheFallbackForNullOrAnyOtherName() {
        assertThat(LocalTimeSql.local("e", "z", java.util.List.of("America/New_York", "Asia/Kolkata", "America/Chicago"), NEW_YORK, MARCH_1, APRIL_1))
                .isEqualTo("(e + CASE z WHEN 'America/Chicago' THEN CASE WHEN e < 1772956800 THEN -21600 ELSE -18000 END"
                        + " WHEN 'Asia/Kolkata' THEN 19800"
                        + " ELSE CASE WHEN e < 1772953200 THEN -18000 ELSE -14400 END END)");
    }

    @Test
    void aZoneColumnWithOnlyTheFallbacksZoneIsTheFallbacksOffsets() {
        assertThat(LocalTimeSql.local("e", "z", java.util.List.of("America/New_York"), NEW_YORK, MARCH_1, APRIL_1))
                .isEqualTo(LocalTimeSql.local("e", NEW_YORK, MARCH_1, APRIL_1));
        assertThat(LocalTimeSql.local("e", "z", java.util.List.of(), NEW_YORK, MARCH_1, APRIL_1)).isEqualTo(LocalTimeSql.local("e", NEW_YORK, MARCH_1, APRIL_1));
    }

    @Test
    void aZoneIndexIsOnePlusItsPositionAndZeroForNullOrAnyOtherName() {
        assertThat(LocalTimeSql.zoneIndex("z", java.util.List.of("America/Chicago", "Asia/Kolkata")))
                .isEqualTo("CASE z WHEN 'America/Chicago' THEN 1 WHEN 'Asia/Kolkata' THEN 2 ELSE 0 END");
        assertThat(LocalTimeSql.zoneIndex("z", java.util.List.of())).isEqualTo("0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LocalTimeSql.zoneIndex("z", java.util.List.of("x' OR 1=1 --")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
