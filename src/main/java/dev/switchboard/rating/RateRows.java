package dev.switchboard.rating;

import dev.switchboard.cdr.CdrType;
import dev.switchboard.store.Dialect;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.postgresql.PGConnection;

/**
 * The rows of table {@code rate}, written in bulk: DuckDB through its appender, PostgreSQL through
 * {@code COPY} (row-by-row inserts take minutes for 100,000 prefixes; these take seconds).
 */
final class RateRows {
    static final String COLUMNS = "plan_id, version, rate_id, position, type, prefix, band, connection_fee, price_per_unit, unit_sec, "
            + "first_increment_sec, increment_sec, min_cost, max_cost, rounding, decimals";

    private RateRows() {}

    static void insert(Dialect dialect, Connection c, List<PlanVersion> versions) throws SQLException {
        if (versions.stream().allMatch(v -> v.rates().isEmpty())) return;
        if (dialect == Dialect.DUCKDB) appendDuck(c.unwrap(DuckDBConnection.class), versions);
        else copyPostgres(c, versions);
    }

    private static void appendDuck(DuckDBConnection c, List<PlanVersion> versions) throws SQLException {
        try (DuckDBAppender app = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "rate")) {
            for (PlanVersion v : versions) {
                int position = 0;
                for (Rate r : v.rates()) {
                    app.beginRow();
                    app.append(v.planId()).append(v.version()).append(r.id()).append(position++).append(r.type().name()).append(r.prefix());
                    if (r.band() == null) app.appendNull();
                    else app.append(r.band());
                    app.append(scaled(r.connectionFee())).append(scaled(r.pricePerUnit())).append(r.unitSec()).append(r.firstIncrementSec())
                            .append(r.incrementSec());
                    appendMoney(app, r.minCost());
                    appendMoney(app, r.maxCost());
                    app.append(r.rounding().name()).append(r.decimals());
                    app.endRow();
                }
            }
            app.flush();
        }
    }

    private static void appendMoney(DuckDBAppender app, BigDecimal amount) throws SQLException {
        if (amount == null) app.appendNull();
        else app.append(scaled(amount));
    }

    private static void copyPostgres(Connection c, List<PlanVersion> versions) throws SQLException {
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.POSTGRESQL_CSV)) {
            for (PlanVersion v : versions) {
                int position = 0;
                for (Rate r : v.rates()) {
                    csv.printRecord(v.planId(), v.version(), r.id(), position++, r.type().name(), r.prefix(), r.band(), plain(r.connectionFee()),
                            plain(r.pricePerUnit()), r.unitSec(), r.firstIncrementSec(), r.incrementSec(), plain(r.minCost()), plain(r.maxCost()),
                            r.rounding().name(), r.decimals());
                }
            }
            csv.flush();
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY rate (" + COLUMNS + ") FROM STDIN WITH (FORMAT csv)", new StringReader(text.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY into rate failed: " + e.getMessage(), e);
        }
    }

    /** Rates by plan version ({@link RateCsv#key}), in file order; {@code planId} null reads every plan. */
    static Map<String, List<Rate>> read(Connection c, String planId, Map<String, String> currencies) throws SQLException {
        Map<String, List<Rate>> out = new LinkedHashMap<>();
        String sql = "SELECT " + COLUMNS + " FROM rate" + (planId == null ? "" : " WHERE plan_id = ?") + " ORDER BY plan_id, version, position";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (planId != null) ps.setString(1, planId);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                String lastKey = null;
                List<Rate> current = null;
                while (rs.next()) {
                    String key = RateCsv.key(rs.getString(1), rs.getInt(2));
                    if (!key.equals(lastKey)) {
                        current = out.computeIfAbsent(key, k -> new ArrayList<>());
                        lastKey = key;
                    }
                    current.add(new Rate(rs.getString(3), CdrType.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), money(rs, 8),
                            money(rs, 9), rs.getInt(10), rs.getInt(11), rs.getInt(12), money(rs, 13), money(rs, 14),
                            Rounding.valueOf(rs.getString(15)), rs.getInt(16), currencies.get(key)));
                }
            }
        }
        return out;
    }

    /** Stored with six decimals; read back without the padding zeros, so 0.10 comes back as 0.1. */
    private static BigDecimal money(ResultSet rs, int column) throws SQLException {
        BigDecimal amount = rs.getBigDecimal(column);
        return amount == null ? null : TariffJson.normal(amount);
    }

    static BigDecimal scaled(BigDecimal amount) {
        return amount.setScale(TariffJson.MONEY_SCALE, RoundingMode.UNNECESSARY);
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : scaled(amount).toPlainString();
    }
}
