package dev.switchboard.marketing;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Local dates, hours and weekdays in SQL without a time-zone conversion per row (which was most of a
 * template's time on DuckDB): each zone's UTC offsets over the range are worked out here, from
 * {@link ZoneRules}, as a few segments {@code (zone, from_epoch, to_epoch, offset_sec)}; a row's local
 * epoch second is its epoch second plus the offset of the segment it falls in, and day, hour and ISO
 * weekday follow by integer arithmetic. The same on DuckDB and PostgreSQL.
 */
final class LocalTimeSql {
    private LocalTimeSql() {}

    /** One stretch of time in which a zone keeps one offset. */
    record Segment(String zone, long from, long to, int offset) {}

    /** The segments of {@code zone} (by name; an unknown name gets {@code fallback}'s rules) covering [start, end). */
    static List<Segment> segments(String zone, ZoneId fallback, Instant start, Instant end) {
        ZoneRules rules;
        try {
            rules = ZoneId.of(zone).getRules();
        } catch (DateTimeException e) {
            rules = fallback.getRules();
        }
        List<Segment> out = new ArrayList<>();
        Instant from = start;
        while (from.isBefore(end)) {
            ZoneOffsetTransition next = rules.nextTransition(from);
            Instant to = next == null || !next.getInstant().isBefore(end) ? end : next.getInstant();
            out.add(new Segment(zone, from.getEpochSecond(), to.getEpochSecond(), rules.getOffset(from).getTotalSeconds()));
            from = to;
        }
        return out;
    }

    /** The local epoch second of {@code epoch} (an SQL expression) in one zone: a CASE over its segments. */
    static String local(String epoch, ZoneId zone, Instant start, Instant end) {
        return "(" + epoch + " + " + offset(epoch, segments(zone.getId(), zone, start, end)) + ")";
    }

    /**
     * The local epoch second of {@code epoch} in the zone the column {@code zoneColumn} names: a CASE on the
     * zone with a branch per name in {@code zones} (each a CASE over its segments); null or any other name
     * takes {@code fallback}'s offsets. The names are checked, as they go into the SQL text.
     */
    static String local(String epoch, String zoneColumn, Collection<String> zones, ZoneId fallback, Instant start, Instant end) {
        StringBuilder sql = new StringBuilder("(" + epoch + " + CASE " + zoneColumn);
        int branches = 0;
        for (String z : new TreeSet<>(zones)) {
            if (checked(z).equals(fallback.getId())) continue;
            sql.append(" WHEN '").append(z).append("' THEN ").append(offset(epoch, segments(z, fallback, start, end)));
            branches++;
        }
        if (branches == 0) return local(epoch, fallback, start, end);
        return sql.append(" ELSE ").append(offset(epoch, segments(fallback.getId(), fallback, start, end))).append(" END)").toString();
    }

    /** 1 + the position of the zone the column names in {@code zones}; 0 for null or any other name. */
    static String zoneIndex(String zoneColumn, List<String> zones) {
        if (zones.isEmpty()) return "0";
        StringBuilder sql = new StringBuilder("CASE " + zoneColumn);
        for (int i = 0; i < zones.size(); i++) sql.append(" WHEN '").append(checked(zones.get(i))).append("' THEN ").append(i + 1);
        return sql.append(" ELSE 0 END").toString();
    }

    private static String checked(String zone) {
        if (!zone.matches("[A-Za-z0-9/_+\\-]+")) throw new IllegalArgumentException("not a zone name: " + zone);
        return zone;
    }

    /** The offset in seconds at {@code epoch}: the segments' one offset, or a CASE on where their ends fall. */
    private static String offset(String epoch, List<Segment> segments) {
        if (segments.isEmpty()) return "0";
        if (segments.size() == 1) return String.valueOf(segments.get(0).offset());
        StringBuilder sql = new StringBuilder("CASE");
        for (int i = 0; i < segments.size() - 1; i++)
            sql.append(" WHEN ").append(epoch).append(" < ").append(segments.get(i).to()).append(" THEN ").append(segments.get(i).offset());
        return sql.append(" ELSE ").append(segments.get(segments.size() - 1).offset()).append(" END").toString();
    }

    /** Epoch second of a {@code timestamptz} column, as BIGINT. */
    static String epoch(String column) {
        return "CAST(extract(epoch FROM " + column + ") AS BIGINT)";
    }

    /** Days since 1970-01-01 of a local epoch second. */
    static String day(String local) {
        return "CAST(floor(" + local + " / 86400.0) AS BIGINT)";
    }

    /** Hour of day 0–23 of a local epoch second. */
    static String hour(String local) {
        return "CAST(floor((" + local + " - " + day(local) + " * 86400) / 3600.0) AS INTEGER)";
    }

    /** The weekly slot 0–167 of a local epoch second: (ISO weekday − 1) × 24 + hour. */
    static String weekSlot(String local) {
        return "CAST(((" + day(local) + " + 3) % 7) * 24 + floor((" + local + " - " + day(local) + " * 86400) / 3600.0) AS INTEGER)";
    }
}
