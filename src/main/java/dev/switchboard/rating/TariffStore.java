package dev.switchboard.rating;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.platform.Json;
import dev.switchboard.store.Database;
import dev.switchboard.store.StoreException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tariff set in the SQL store (DuckDB or PostgreSQL), plain JDBC; each change runs in one
 * transaction. Rates go in and out in bulk (see {@link RateRows}), so 100,000 prefixes take seconds.
 */
public final class TariffStore {
    private static final String DEFAULT_PLAN = "default_plan";
    private static final String ZONE = "zone";

    private final Database db;
    private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public TariffStore(Database db) {
        this.db = db;
    }

    /** Runs {@code listener} after every committed change (e.g. to reload a rater's tariffs). */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** True when no tariff set has been stored yet. */
    public boolean isEmpty() {
        return read(c -> settings(c).isEmpty());
    }

    /** The whole set, or empty when none has been stored. */
    public Optional<Tariffs> load() {
        return read(c -> {
            Map<String, String> settings = settings(c);
            if (settings.isEmpty()) return Optional.empty();
            ZoneId zone = ZoneId.of(settings.get(ZONE));
            Map<String, String> assignments = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT subscriber, plan_id FROM tariff_assignment")) {
                while (rs.next()) assignments.put(rs.getString(1), rs.getString(2));
            }
            return Optional.of(TariffJson.tariffs(versions(c, null), assignments, settings.get(DEFAULT_PLAN), zone));
        });
    }

    /** The versions of one plan in activation order; empty when there is no such plan. */
    public List<PlanVersion> versions(String planId) {
        return read(c -> versions(c, planId));
    }

    /** Replaces everything stored with this set, all or nothing. */
    public void replace(Tariffs tariffs) {
        inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                for (String table : List.of("rate", "tariff_plan", "tariff_assignment", "tariff_setting")) s.execute("DELETE FROM " + table);
            }
            List<PlanVersion> all = tariffs.plans().values().stream().flatMap(List::stream).toList();
            insertPlans(c, all);
            RateRows.insert(db.dialect(), c, all);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tariff_assignment (subscriber, plan_id) VALUES (?, ?)")) {
                for (var a : tariffs.assignments().entrySet()) {
                    ps.setString(1, a.getKey());
                    ps.setString(2, a.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tariff_setting (key, value) VALUES (?, ?)")) {
                for (var e : Map.of(DEFAULT_PLAN, tariffs.defaultPlan(), ZONE, tariffs.zone().getId()).entrySet()) {
                    ps.setString(1, e.getKey());
                    ps.setString(2, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Stores the set unless one is stored already; true when it did. */
    public boolean seedIfEmpty(java.util.function.Supplier<Tariffs> tariffs) {
        if (!isEmpty()) return false;
        replace(tariffs.get());
        return true;
    }

    /** Adds a version of a plan (a new plan, or a change that takes effect at its active_from). */
    public void addVersion(PlanVersion version) {
        inTransaction(c -> {
            if (settings(c).isEmpty())
                throw new TariffException(TariffException.Code.CONFLICT, "no tariff set is stored", List.of("load one first (POST /api/tariffs)"));
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM tariff_plan WHERE plan_id = ? AND version = ?")) {
                ps.setString(1, version.planId());
                ps.setInt(2, version.version());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0)
                        throw new TariffException(TariffException.Code.CONFLICT, "plan version exists already",
                                List.of("plan " + version.planId() + " version " + version.version() + "; add a higher version"));
                }
            }
            insertPlans(c, List.of(version));
            RateRows.insert(db.dialect(), c, List.of(version));
            return null;
        });
    }

    /** Puts a subscriber on a plan; the default plan's name removes the subscriber's own assignment. */
    public void assign(String subscriber, String planId) {
        String number = TariffJson.subscriber(subscriber);
        inTransaction(c -> {
            Map<String, String> settings = settings(c);
            if (settings.isEmpty())
                throw new TariffException(TariffException.Code.CONFLICT, "no tariff set is stored", List.of("load one first (POST /api/tariffs)"));
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM tariff_plan WHERE plan_id = ?")) {
                ps.setString(1, planId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) throw new TariffException(TariffException.Code.NOT_FOUND, "no plan " + planId);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM tariff_assignment WHERE subscriber = ?")) {
                ps.setString(1, number);
                ps.executeUpdate();
            }
            if (!planId.equals(settings.get(DEFAULT_PLAN))) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO tariff_assignment (subscriber, plan_id) VALUES (?, ?)")) {
                    ps.setString(1, number);
                    ps.setString(2, planId);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    // ---- rows

    private static void insertPlans(Connection c, List<PlanVersion> versions) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tariff_plan (plan_id, version, active_from, currency, tax_rate, bands, holidays, "
                + "allowances) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (PlanVersion v : versions) {
                ObjectNode node = TariffJson.plan(v);
                ps.setString(1, v.planId());
                ps.setInt(2, v.version());
                ps.setObject(3, OffsetDateTime.ofInstant(v.activeFrom(), ZoneOffset.UTC));
                ps.setBigDecimal(5, RateRows.scaled(v.taxRate()));
                ps.setString(4, v.currency());
                ps.setString(6, node.get("bands").toString());
                ps.setString(7, node.get("holidays").toString());
                ps.setString(8, node.get("allowances").toString());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static List<PlanVersion> versions(Connection c, String planId) throws SQLException {
        List<ObjectNode> plans = new ArrayList<>();
        Map<String, String> currencies = new HashMap<>();
        String sql = "SELECT plan_id, version, active_from, currency, tax_rate, bands, holidays, allowances FROM tariff_plan"
                + (planId == null ? "" : " WHERE plan_id = ?") + " ORDER BY plan_id, active_from";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (planId != null) ps.setString(1, planId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ObjectNode n = TariffJson.NODES.objectNode();
                    n.put("plan_id", rs.getString(1));
                    n.put("version", rs.getInt(2));
                    n.put("active_from", rs.getObject(3, OffsetDateTime.class).toInstant().toString());
                    n.put("currency", rs.getString(4));
                    n.put("tax_rate", rs.getBigDecimal(5).toPlainString());
                    n.set("bands", json(rs.getString(6)));
                    n.set("holidays", json(rs.getString(7)));
                    n.set("allowances", json(rs.getString(8)));
                    plans.add(n);
                    currencies.put(RateCsv.key(rs.getString(1), rs.getInt(2)), rs.getString(4));
                }
            }
        }
        Map<String, List<Rate>> rates = RateRows.read(c, planId, currencies);
        List<PlanVersion> out = new ArrayList<>(plans.size());
        for (ObjectNode n : plans) {
            PlanVersion v = TariffJson.plan(n, ZoneOffset.UTC, "stored plan");
            List<Rate> own = rates.getOrDefault(RateCsv.key(v.planId(), v.version()), List.of());
            out.add(TariffJson.plan(v.planId(), v.version(), v.activeFrom(), v.currency(), v.taxRate(), v.bands(), v.holidays(), own,
                    v.allowances(), "stored plan " + v.planId()));
        }
        return out;
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new StoreException("tariff store: bad JSON in a stored plan: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> settings(Connection c) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT key, value FROM tariff_setting")) {
            while (rs.next()) out.put(rs.getString(1), rs.getString(2));
        }
        return out;
    }

    // ---- plumbing

    private <T> T read(Database.Work<T> work) {
        return db.read("tariff store", work);
    }

    /** A change, in one transaction; the listeners hear of it once it is committed. */
    private <T> T inTransaction(Database.Work<T> work) {
        T result = db.inTransaction("tariff store", work);
        listeners.forEach(Runnable::run);
        return result;
    }
}
