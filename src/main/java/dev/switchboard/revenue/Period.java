package dev.switchboard.revenue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** A calendar month in the configured zone: its first instant (inclusive) and the next month's first instant (exclusive). */
public record Period(YearMonth month, ZoneId zone) {
    private static final Pattern TEXT = Pattern.compile("\\d{4}-\\d{2}");

    public Period {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(zone, "zone");
    }

    /** {@code YYYY-MM}, or the current month of {@code today} when blank. */
    public static Period parse(String text, LocalDate today, ZoneId zone) {
        if (text == null || text.isBlank()) return new Period(YearMonth.from(today), zone);
        if (!TEXT.matcher(text).matches()) throw new IllegalArgumentException("period must be YYYY-MM, got '" + text + "'");
        try {
            YearMonth m = YearMonth.parse(text);
            if (m.getYear() < 1970 || m.getYear() > 2999) throw new IllegalArgumentException("period year out of range: '" + text + "'");
            return new Period(m, zone);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("period must be YYYY-MM, got '" + text + "'");
        }
    }

    public Instant from() {
        return startOf(month.atDay(1));
    }

    public Instant to() {
        return startOf(month.plusMonths(1).atDay(1));
    }

    /** Midnight in the zone (the first instant of the day where a DST gap swallows midnight). */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** Every day of the month up to and including {@code today}; empty for a month still to come. */
    public List<LocalDate> daysUpTo(LocalDate today) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()) && !d.isAfter(today); d = d.plusDays(1)) days.add(d);
        return days;
    }
}
