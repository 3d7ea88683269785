package dev.switchboard.marketing;

import dev.switchboard.marketing.TemplateRows.BestTime;
import dev.switchboard.marketing.TemplateRows.Business;
import dev.switchboard.marketing.TemplateRows.Country;
import dev.switchboard.marketing.TemplateRows.Duration;
import dev.switchboard.marketing.TemplateRows.PersonTag;
import dev.switchboard.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The five marketing templates as SQL over the history (table {@code cdr} with its place columns, and
 * table {@code business_directory}); the same SQL on DuckDB and PostgreSQL. Each answers the rows of
 * {@link TemplateRows} for a {@link TemplateQuery}. The business type of a called number is the
 * directory entry with its longest prefix at query time ({@link #TYPED}: an equi-join at each prefix
 * length the directory has, over the distinct numbers called in the range).
 */
public final class HistoryTemplates implements Templates {
    private final Database db;
    private final ZoneId zone;
    private final String homeRegion;

    /** {@code zone}: the platform's zone (dates, hours; a caller's zone when libphonenumber names none); {@code homeRegion}: calls elsewhere are international. */
    public HistoryTemplates(Database db, ZoneId zone, String homeRegion) {
        this.db = Objects.requireNonNull(db, "db");
        this.zone = Objects.requireNonNull(zone, "zone");
        if (!homeRegion.matches("[A-Z]{2}")) throw new IllegalArgumentException("not a region code: " + homeRegion);
        this.homeRegion = homeRegion;
    }

    /** The VOICE CDRs of the range: two parameters, the start (inclusive) and end (exclusive) instants. */
    private static final String CALLS = "calls AS (SELECT calling_number, called_number, start_time, coalesce(duration_sec, 0) AS dur, "
            + "caller_zone, called_region, called_cc FROM cdr WHERE type = 'VOICE' AND start_time >= ? AND start_time < ?)";

    /**
     * Each distinct number called in the range (two more range parameters) that the directory knows, with its
     * entry's type and tag. It reads {@code cdr} again rather than {@code calls}, which measured 2–3× faster
     * for template 1 on DuckDB (2M CDRs; {@code NOT MATERIALIZED} on {@code calls} instead made DuckDB 1.4 fail).
     */
    static final String TYPED = "numbers AS (SELECT DISTINCT called_number FROM cdr WHERE type = 'VOICE' AND start_time >= ? AND start_time < ?), "
            + "lengths AS (SELECT DISTINCT length(prefix) AS l FROM business_directory), "
            + "best AS (SELECT n.called_number, max(lengths.l) AS l FROM numbers n JOIN lengths ON lengths.l <= length(n.called_number) "
            + "JOIN business_directory d ON d.prefix = substr(n.called_number, 1, lengths.l) GROUP BY n.called_number), "
            + "typed AS (SELECT b.called_number, d.business_type, d.tag FROM best b JOIN business_directory d ON d.prefix = substr(b.called_number, 1, b.l))";

    @Override
    public List<Duration> duration(TemplateQuery q) {
        String local = LocalTimeSql.local("e", zone, q.start(zone), q.end(zone));
        String keys = switch (q.group()) {
            case "hour" -> "CAST(NULL AS BIGINT) AS d, " + LocalTimeSql.hour(local) + " AS h";
            case "day" -> LocalTimeSql.day(local) + " AS d, CAST(NULL AS INTEGER) AS h";
            default -> LocalTimeSql.day(local) + " AS d, " + LocalTimeSql.hour(local) + " AS h";
        };
        String sql = "WITH " + CALLS + " SELECT d, h, count(*), sum(dur) FROM (SELECT " + keys + ", dur FROM "
                + "(SELECT " + LocalTimeSql.epoch("start_time") + " AS e, dur FROM calls) c) x GROUP BY d, h";
        List<Duration> out = query(sql, q, rs -> {
            Long d = (Long) rs.getObject(1);
            Integer h = (Integer) rs.getObject(2);
            return new Duration(d == null ? null : LocalDate.ofEpochDay(d), h, rs.getLong(3), rs.getLong(4));
        });
        return TemplateFilters.duration(out);
    }

    @Override
    public List<Business> business(TemplateQuery q) {
        String sql = "WITH " + CALLS + ", " + TYPED + " SELECT coalesce(t.tag, 'PRIVATE'), t.business_type, count(*), sum(c.dur) "
                + "FROM calls c LEFT JOIN typed t ON t.called_number = c.called_number GROUP BY coalesce(t.tag, 'PRIVATE'), t.business_type";
        List<Business> out = query(sql, q, rs -> new Business(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
        return TemplateFilters.business(out, q);
    }

    @Override
    public List<PersonTag> personTags(TemplateQuery q) {
        String sql = "WITH " + CALLS + ", " + TYPED + ", "
                + "pt AS (SELECT c.calling_number AS caller, coalesce(t.tag, 'PRIVATE') AS tag, t.business_type AS btype, count(*) AS n, "
                + "sum(c.dur) AS dur FROM calls c LEFT JOIN typed t ON t.called_number = c.called_number "
                + "GROUP BY c.calling_number, coalesce(t.tag, 'PRIVATE'), t.business_type), "
                + "total AS (SELECT caller, sum(n) AS n FROM pt GROUP BY caller), "
                + "tags AS (SELECT caller, tag, n, row_number() OVER (PARTITION BY caller ORDER BY CASE WHEN tag = 'PRIVATE' THEN 1 ELSE 0 END, "
                + "n DESC, dur DESC, tag) AS rn FROM (SELECT caller, tag, sum(n) AS n, sum(dur) AS dur FROM pt GROUP BY caller, tag) g), "
                + "types AS (SELECT caller, btype, n, row_number() OVER (PARTITION BY caller ORDER BY CASE WHEN btype IS NULL THEN 1 ELSE 0 END, "
                + "n DESC, dur DESC, btype) AS rn FROM pt) "
                + "SELECT total.caller, tags.tag, tags.n, types.btype, types.n, total.n FROM total "
                + "JOIN tags ON tags.caller = total.caller AND tags.rn = 1 JOIN types ON types.caller = total.caller AND types.rn = 1";
        List<PersonTag> all = query(sql, q, rs -> {
            long calls = rs.getLong(6), tagCalls = rs.getLong(3);
            String type = rs.getString(4);
            long typeCalls = type == null ? 0 : rs.getLong(5);
            return new PersonTag(rs.getString(1), rs.getString(2), tagCalls, TemplateRows.share(tagCalls, calls), type, typeCalls,
                    TemplateRows.share(typeCalls, calls), calls);
        });
        return TemplateFilters.personTags(all, q);
    }

    @Override
    public List<Country> countries(TemplateQuery q) {
        String sql = "WITH " + CALLS + " SELECT called_cc, called_region, count(*), sum(dur) FROM calls "
                + "WHERE called_region IS NOT NULL AND called_region <> 'ZZ' AND called_region <> '" + homeRegion + "' "
                + "GROUP BY called_cc, called_region";
        List<Country> out = query(sql, q, rs -> new Country(rs.getInt(1), rs.getString(2), TemplateFilters.countryName(rs.getString(2)), rs.getLong(3), rs.getLong(4)));
        return TemplateFilters.countries(out, q);
    }

    /**
     * Each caller's calls counted per weekly slot (0–167) of their local time, and the best slot kept by a
     * max over a packed score (calls, then the earliest slot) rather than a window ranking of the caller's
     * slots. The caller's zone travels in the slot key as its index in the range's zone list (0: none), so
     * the big group-by has no text column but the caller. 10M calls on DuckDB: 3.8 s → ~1.7 s
     * (docs/BENCHMARKS.md).
     */
    @Override
    public List<BestTime> bestTimes(TemplateQuery q) {
        List<String> zones = List.copyOf(new java.util.TreeSet<>(callerZones(q)));
        if (zones.size() >= 1 << (ZONE_AND_SLOT_BITS - 8)) throw new IllegalStateException("too many caller zones in the range: " + zones.size());
        String local = LocalTimeSql.local("e", "caller_zone", zones, zone, q.start(zone), q.end(zone));
        String sql = "WITH " + CALLS + ", slots AS (SELECT caller, zs, count(*) AS n FROM "
                + "(SELECT calling_number AS caller, zi * 256 + " + LocalTimeSql.weekSlot("le") + " AS zs FROM "
                + "(SELECT calling_number, zi, " + local + " AS le FROM "
                + "(SELECT calling_number, caller_zone, " + LocalTimeSql.zoneIndex("caller_zone", zones) + " AS zi, "
                + LocalTimeSql.epoch("start_time") + " AS e FROM calls) c) l) x GROUP BY caller, zs) "
                + "SELECT caller, max(n * " + (1L << ZONE_AND_SLOT_BITS) + " + " + ((1L << ZONE_AND_SLOT_BITS) - 1) + " - zs), sum(n) "
                + "FROM slots GROUP BY caller";
        List<BestTime> all = query(sql, q, rs -> {
            long best = rs.getLong(2), calls = rs.getLong(3);
            long slotCalls = best >>> ZONE_AND_SLOT_BITS;
            int zoneAndSlot = (int) ((1L << ZONE_AND_SLOT_BITS) - 1 - (best & ((1L << ZONE_AND_SLOT_BITS) - 1)));
            int zi = zoneAndSlot / 256, slot = zoneAndSlot % 256;
            return new BestTime(rs.getString(1), zi == 0 ? zone.getId() : zones.get(zi - 1), zi == 0, DayOfWeek.of(slot / 24 + 1), slot % 24,
                    slotCalls, calls, TemplateRows.share(slotCalls, calls));
        });
        return TemplateFilters.bestTimes(all, q);
    }

    /** Bits of a packed score below the call count: the zone index (above 8 bits) and the weekly slot (8 bits). */
    private static final int ZONE_AND_SLOT_BITS = 20;

    /** The distinct known zones of the callers in the range. */
    private List<String> callerZones(TemplateQuery q) {
        return query("WITH " + CALLS + " SELECT DISTINCT caller_zone FROM calls WHERE caller_zone IS NOT NULL", q, rs -> rs.getString(1));
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, TemplateQuery q, Row<T> row) {
        Instant start = q.start(zone), end = q.end(zone);
        return db.read("cannot run the template", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                // every parameter is the range: start, end, start, end…
                for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++)
                    ps.setObject(i, OffsetDateTime.ofInstant(i % 2 == 1 ? start : end, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                List<T> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(row.read(rs));
                }
                return out;
            }
        });
    }
}
