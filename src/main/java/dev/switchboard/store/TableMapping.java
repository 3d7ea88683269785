package dev.switchboard.store;

import java.util.List;

/**
 * How a feature's record becomes a row of its table. The table's primary key makes writes
 * idempotent: a row whose key is already stored is skipped (or, for {@link #overwrite()} columns,
 * updated to the same values), so a replay never doubles anything.
 *
 * @param row values in column order: String, Integer, Long or java.time.Instant (or null)
 */
public interface TableMapping<V> {
    String table();

    List<Column> columns();

    Object[] row(V value, RecordPosition position);

    /** The rows of one record; one by default, any number for a table of a record's parts (an IVR session's turns). */
    default List<Object[]> rows(V value, RecordPosition position) {
        return List.<Object[]>of(row(value, position));
    }

    /**
     * Columns that a later record with the same key overwrites (say, a price that comes after the
     * record itself); empty (the default) keeps the row first written. When not empty, {@link #key()}
     * names the primary key.
     */
    default List<String> overwrite() {
        return List.of();
    }

    default List<String> key() {
        return List.of();
    }

    /**
     * With {@link #overwrite()}: a SQL condition under which a later record's row replaces the stored one,
     * the stored row named by the table, the new one {@code EXCLUDED} (say, only a newer version); null (the
     * default): always. {@link #newest()} must agree with it for two rows of one key in one batch.
     */
    default String overwriteWhen() {
        return null;
    }

    /** With {@link #overwriteWhen()}: orders two rows of one key, the greater kept; null (the default): the later record wins. */
    default java.util.Comparator<Object[]> newest() {
        return null;
    }

    /** Where a record was read from; tables without a natural id use it as their key. */
    record RecordPosition(String topic, int partition, long offset) {}
}
