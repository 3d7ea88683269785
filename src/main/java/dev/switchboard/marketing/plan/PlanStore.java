package dev.switchboard.marketing.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.switchboard.platform.Json;
import dev.switchboard.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Saved plans in the SQL store (table {@code marketing_plan}, migration V9), plain JDBC, one transaction per change. */
public final class PlanStore {
    private static final String SELECT = "SELECT name, criteria, created_at, updated_at FROM marketing_plan";

    private final Database db;
    private final Clock clock;

    public PlanStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Saves the plan: a new name is added (true), an existing one has its criteria replaced and keeps its creation time (false). */
    public boolean save(Plan plan) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String criteria = Json.write(plan.criteria().toJson());
        return db.inTransaction("cannot save plan", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE marketing_plan SET criteria = ?, updated_at = ? WHERE name = ?")) {
                ps.setString(1, criteria);
                time(ps, 2, now);
                ps.setString(3, plan.name());
                if (ps.executeUpdate() > 0) return false;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO marketing_plan (name, criteria, created_at, updated_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, plan.name());
                ps.setString(2, criteria);
                time(ps, 3, now);
                time(ps, 4, now);
                ps.executeUpdate();
            }
            return true;
        });
    }

    /** Every plan, by name. */
    public List<StoredPlan> list() {
        return db.read("cannot read plans", c -> select(c, SELECT + " ORDER BY name", null));
    }

    public Optional<StoredPlan> find(String name) {
        return db.read("cannot read plan", c -> select(c, SELECT + " WHERE name = ?", name)).stream().findFirst();
    }

    /** Removes the plan; false when there is none of that name. */
    public boolean delete(String name) {
        return db.inTransaction("cannot delete plan", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM marketing_plan WHERE name = ?")) {
                ps.setString(1, name);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private static List<StoredPlan> select(Connection c, String sql, String name) throws SQLException {
        List<StoredPlan> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (name != null) ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    PlanCriteria criteria;
                    try {
                        criteria = PlanCriteria.fromJson(Json.MAPPER.readTree(rs.getString(2)));
                    } catch (JsonProcessingException e) {
                        throw new SQLException("plan " + rs.getString(1) + " has criteria that are not JSON: " + e.getMessage(), e);
                    }
                    out.add(new StoredPlan(new Plan(rs.getString(1), criteria), instant(rs, 3), instant(rs, 4)));
                }
            }
        }
        return out;
    }

    private static void time(PreparedStatement ps, int i, Instant t) throws SQLException {
        ps.setObject(i, OffsetDateTime.ofInstant(t, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
