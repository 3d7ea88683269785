package dev.switchboard.rating;

import dev.switchboard.store.Column;
import dev.switchboard.store.Database;
import dev.switchboard.store.Dialect;
import dev.switchboard.store.StoreException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes new prices over stored CDRs (the price columns of table {@code cdr}, by id), committed every
 * {@link #batch()} rows and at {@link #close()}. DuckDB takes the rows through its appender into a
 * temporary table and one {@code UPDATE … FROM} per batch (an upsert per row there costs ~45 µs, the
 * join a fraction of that); PostgreSQL takes batched {@code UPDATE … WHERE id = ?}. Rows whose id is
 * not stored are ignored: re-rating only re-prices what is there.
 */
final class PriceUpdates implements AutoCloseable {
    private static final int DUCKDB_BATCH = 250_000;
    private static final int POSTGRES_BATCH = 10_000;
    private static final String STAGE = "rerate_stage";
    private static final String SET = "cost = ?, currency = ?, rate_id = ?, plan_version = ?, cost_proof = ?";

    private final Connection connection;
    private final boolean duck;
    private DuckDBAppender appender;
    private PreparedStatement update;
    private int pending;
    private long written;
    private boolean failed;

    PriceUpdates(Database db) {
        try {
            this.connection = db.connect();
            this.duck = db.dialect() == Dialect.DUCKDB;
            connection.setAutoCommit(false);
            if (duck) {
                try (Statement s = connection.createStatement()) {
                    s.execute("CREATE TEMP TABLE IF NOT EXISTS " + STAGE + " AS SELECT id, cost, currency, rate_id, plan_version, cost_proof "
                            + "FROM cdr LIMIT 0");
                }
            } else {
                update = connection.prepareStatement("UPDATE cdr SET " + SET + " WHERE id = ?");
            }
        } catch (SQLException e) {
            throw new StoreException("cannot prepare the price updates: " + e.getMessage(), e);
        }
    }

    int batch() {
        return duck ? DUCKDB_BATCH : POSTGRES_BATCH;
    }

    /** Rows committed so far. */
    long written() {
        return written;
    }

    /** Queues the price columns of {@code now}; {@code proofJson} is its proof as stored (null when unpriced). */
    void add(RatedCdr now, String proofJson) {
        BigDecimal cost = now.priced() ? now.cost().setScale(Column.DECIMAL_SCALE, RoundingMode.HALF_EVEN) : null;
        Integer version = now.priced() ? now.planVersion() : null;
        try {
            if (duck) append(now.cdr().id(), cost, now.currency(), now.rateId(), version, proofJson);
            else bind(now.cdr().id(), cost, now.currency(), now.rateId(), version, proofJson);
        } catch (SQLException e) {
            throw new StoreException("cannot queue the new price of CDR " + now.cdr().id() + ": " + e.getMessage(), e);
        }
        if (++pending >= batch()) flush();
    }

    private void append(String id, BigDecimal cost, String currency, String rateId, Integer version, String proof) throws SQLException {
        if (appender == null) appender = connection.unwrap(DuckDBConnection.class).createAppender("temp", "main", STAGE);
        appender.beginRow();
        appender.append(id);
        if (cost == null) appender.appendNull();
        else appender.append(cost);
        appendText(currency);
        appendText(rateId);
        if (version == null) appender.appendNull();
        else appender.append(version.intValue());
        appendText(proof);
        appender.endRow();
    }

    private void appendText(String s) throws SQLException {
        if (s == null) appender.appendNull();
        else appender.append(s);
    }

    private void bind(String id, BigDecimal cost, String currency, String rateId, Integer version, String proof) throws SQLException {
        update.setBigDecimal(1, cost);
        update.setString(2, currency);
        update.setString(3, rateId);
        if (version == null) update.setNull(4, Types.INTEGER);
        else update.setInt(4, version);
        update.setString(5, proof);
        update.setString(6, id);
        update.addBatch();
    }

    /** Writes and commits what is queued. */
    void flush() {
        if (pending == 0 || failed) return;
        try {
            if (duck) {
                appender.close();
                appender = null;
                try (Statement s = connection.createStatement()) {
                    s.execute("UPDATE cdr SET cost = s.cost, currency = s.currency, rate_id = s.rate_id, plan_version = s.plan_version, "
                            + "cost_proof = s.cost_proof FROM " + STAGE + " s WHERE cdr.id = s.id");
                    s.execute("DELETE FROM " + STAGE);
                }
            } else {
                update.executeBatch();
            }
            connection.commit();
            written += pending;
            pending = 0;
        } catch (SQLException e) {
            failed = true;
            try {
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new StoreException("cannot write the new prices: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            flush();
        } finally {
            try {
                if (appender != null) appender.close();
                if (update != null) update.close();
                connection.close();
            } catch (SQLException e) {
                throw new StoreException("cannot close the price updates: " + e.getMessage(), e);
            }
        }
    }
}
