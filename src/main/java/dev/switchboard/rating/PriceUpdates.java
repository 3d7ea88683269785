package dev.switchboard.rating;

import dev.switchboard.store.Column;
import dev.switchboard.store.Database;
import dev.switchboard.store.Dialect;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes new prices over stored CDRs (the price columns of table {@code cdr}, by id) through
 * {@link Database#update}, committed every batch of rows and at {@link #close()}: on DuckDB a staged
 * join per 250,000 rows, on PostgreSQL batched updates per 10,000. Rows whose id is not stored are ignored:
 * re-rating only re-prices what is there.
 */
final class PriceUpdates implements AutoCloseable {
    private static final int DUCKDB_BATCH = 250_000;
    private static final int POSTGRES_BATCH = 10_000;
    private static final List<Column> COLUMNS = List.of(Column.text("id"), Column.decimal("cost"), Column.text("currency"),
            Column.text("rate_id"), Column.integer("plan_version"), Column.text("cost_proof"));

    private final Database db;
    private final int batch;
    private final List<Object[]> pending = new ArrayList<>();
    private boolean failed;

    PriceUpdates(Database db) {
        this.db = db;
        this.batch = db.dialect() == Dialect.DUCKDB ? DUCKDB_BATCH : POSTGRES_BATCH;
    }

    /** Queues the price columns of {@code now}; {@code proofJson} is its proof as stored (null when unpriced). */
    void add(RatedCdr now, String proofJson) {
        BigDecimal cost = now.priced() ? now.cost().setScale(Column.DECIMAL_SCALE, RoundingMode.HALF_EVEN) : null;
        pending.add(new Object[] {now.cdr().id(), cost, now.currency(), now.rateId(), now.priced() ? now.planVersion() : null, proofJson});
        if (pending.size() >= batch) flush();
    }

    /** Writes and commits what is queued. */
    void flush() {
        if (pending.isEmpty() || failed) return;
        try {
            db.update("cdr", "id", COLUMNS, pending);
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        }
        pending.clear();
    }

    @Override
    public void close() {
        flush();
    }
}
