package dev.switchboard.rating;

import java.util.Objects;
import java.util.Set;

/**
 * A named slice of the week in the subscriber's zone, e.g. {@code peak} = weekdays 08:00–20:00.
 * Minutes are of the local day, {@code fromMinute} inclusive, {@code toMinute} exclusive (1440 = midnight
 * at the end of the day); a band with {@code fromMinute > toMinute} wraps past midnight.
 */
public record TimeBand(String name, Set<DayKind> days, int fromMinute, int toMinute) {
    public TimeBand {
        Objects.requireNonNull(name, "name");
        days = Set.copyOf(days);
        if (days.isEmpty()) throw new IllegalArgumentException("band " + name + " has no days");
        if (fromMinute < 0 || fromMinute > 1440 || toMinute < 0 || toMinute > 1440 || fromMinute == toMinute)
            throw new IllegalArgumentException("band " + name + " has a bad time range");
    }
}
