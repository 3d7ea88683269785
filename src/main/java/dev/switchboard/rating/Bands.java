package dev.switchboard.rating;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which time band an instant falls in, in the subscriber's zone.
 *
 * <p>The day kind is {@code HOLIDAY} when the local date is in the plan's holiday calendar, else
 * {@code WEEKEND} on Saturday and Sunday, else {@code WEEKDAY}. The band is the first in plan order that
 * lists that day kind and contains the local minute of the day. A wrapping band (from &gt; to, e.g.
 * 20:00–08:00) contains minutes from its start to midnight and from midnight to its end, judged by the
 * day kind of the date the minute is on (so Saturday 02:00 is a weekend minute even though the band
 * opened on Friday evening). An instant in no band has band {@code null}: only band-less rates match it.
 *
 * <p>Crossing rule: the band at the call's start time prices the whole call. A call that starts at
 * 19:59 in peak and lasts past 20:00 is billed entirely at the peak rate.
 */
public final class Bands {
    private Bands() {}

    /** Where a moment falls: the local time, the kind of day and the band (null when none contains it). */
    public record At(LocalDateTime local, DayKind dayKind, TimeBand band) {
        public At {
            Objects.requireNonNull(local, "local");
            Objects.requireNonNull(dayKind, "day_kind");
        }

        public String bandName() {
            return band == null ? null : band.name();
        }
    }

    public static At at(Instant instant, ZoneId zone, PlanVersion plan) {
        return at(instant, zone, plan.bands(), plan.holidays());
    }

    public static At at(Instant instant, ZoneId zone, List<TimeBand> bands, Set<LocalDate> holidays) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        DayKind kind = dayKind(local.toLocalDate(), holidays);
        int minute = local.getHour() * 60 + local.getMinute();
        for (TimeBand b : bands)
            if (contains(b, kind, minute)) return new At(local, kind, b);
        return new At(local, kind, null);
    }

    public static DayKind dayKind(LocalDate date, Set<LocalDate> holidays) {
        if (holidays.contains(date)) return DayKind.HOLIDAY;
        DayOfWeek d = date.getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY ? DayKind.WEEKEND : DayKind.WEEKDAY;
    }

    /** Whether {@code band} covers minute-of-day {@code minute} (0..1439) on a day of kind {@code kind}. */
    public static boolean contains(TimeBand band, DayKind kind, int minute) {
        if (!band.days().contains(kind)) return false;
        if (band.fromMinute() < band.toMinute()) return minute >= band.fromMinute() && minute < band.toMinute();
        return minute >= band.fromMinute() || minute < band.toMinute();
    }
}
