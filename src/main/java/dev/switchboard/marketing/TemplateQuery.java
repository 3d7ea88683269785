package dev.switchboard.marketing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What a template is asked: local dates {@code from}..{@code to} inclusive (in the platform's zone), and
 * the filters the templates take — {@code group} (template 0: {@code hour}, {@code day} or
 * {@code day_hour}); {@code tag} and {@code type} (templates 1 and 2); {@code region} (template 3);
 * {@code caller} and {@code minCalls} (templates 2 and 4); {@code limit} and {@code offset} page the
 * per-person templates, whose rows come ordered by caller. Null means no filter.
 */
public record TemplateQuery(LocalDate from, LocalDate to, String group, String tag, String type, String region, String caller,
                            int minCalls, int limit, int offset) {
    public static final int MAX_LIMIT = 100_000;

    public TemplateQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) throw new IllegalArgumentException("to " + to + " is before from " + from);
        if (group == null) group = "hour";
        if (!group.equals("hour") && !group.equals("day") && !group.equals("day_hour"))
            throw new IllegalArgumentException("group must be hour, day or day_hour, not " + group);
        if (minCalls < 0) throw new IllegalArgumentException("min_calls must be 0 or more");
        if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
        if (offset < 0) throw new IllegalArgumentException("offset must be 0 or more");
    }

    /** The whole range of dates, no filters, the first 1,000 people. */
    public static TemplateQuery of(LocalDate from, LocalDate to) {
        return new TemplateQuery(from, to, null, null, null, null, null, 0, 1_000, 0);
    }

    /** Start of {@code from} in the zone (inclusive). */
    public java.time.Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** Start of the day after {@code to} in the zone (exclusive). */
    public java.time.Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
