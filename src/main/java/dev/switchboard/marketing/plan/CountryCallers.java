package dev.switchboard.marketing.plan;

import dev.switchboard.marketing.TemplateQuery;
import dev.switchboard.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

/**
 * Who called a region, from the history: the distinct callers of the VOICE CDRs whose start falls in the
 * range (the templates' calls: from local midnight of {@code from} to local midnight after {@code to}, in the
 * platform's zone) and whose {@code called_region} is the region.
 */
public final class CountryCallers implements TargetList.RegionCallers {
    private static final String SQL = "SELECT DISTINCT calling_number FROM cdr WHERE type = 'VOICE' AND start_time >= ? AND start_time < ? "
            + "AND called_region = ?";

    private final Database db;
    private final ZoneId zone;

    public CountryCallers(Database db, ZoneId zone) {
        this.db = db;
        this.zone = zone;
    }

    @Override
    public Set<String> of(String region, LocalDate from, LocalDate to) {
        TemplateQuery range = TemplateQuery.of(from, to);
        return db.read("cannot find the callers of a region", c -> {
            try (PreparedStatement ps = c.prepareStatement(SQL)) {
                ps.setObject(1, OffsetDateTime.ofInstant(range.start(zone), ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                ps.setObject(2, OffsetDateTime.ofInstant(range.end(zone), ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                ps.setString(3, region);
                Set<String> out = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(rs.getString(1));
                }
                return out;
            }
        });
    }
}
