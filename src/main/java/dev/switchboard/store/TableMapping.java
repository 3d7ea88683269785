package dev.switchboard.store;

import java.util.List;

/**
 * How a feature's record becomes a row of its table. The table's primary key makes writes
 * idempotent: a row whose key is already stored is skipped, so a replay never doubles anything.
 *
 * @param row values in column order: String, Integer, Long or java.time.Instant (or null)
 */
public interface TableMapping<V> {
    String table();

    List<Column> columns();

    Object[] row(V value, RecordPosition position);

    /** Where a record was read from; tables without a natural id use it as their key. */
    record RecordPosition(String topic, int partition, long offset) {}
}
