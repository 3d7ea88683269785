package dev.switchboard.mediation;

import dev.switchboard.store.Column;
import dev.switchboard.store.TableMapping;
import java.util.List;

/** Rejected records of any kind as rows of their {@code <kind>_error} table, keyed by position in the error topic. */
public final class ErrorRows implements TableMapping<ErrorRecord> {
    private static final List<Column> COLUMNS = List.of(Column.text("topic"), Column.integer("topic_partition"),
            Column.bigint("topic_offset"), Column.text("source"), Column.text("format"), Column.timestamp("received_at"),
            Column.text("reasons"), Column.text("raw"));
    private final String table;

    public ErrorRows(String table) {
        this.table = table;
    }

    @Override
    public String table() {
        return table;
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Object[] row(ErrorRecord e, RecordPosition p) {
        return new Object[] {p.topic(), p.partition(), p.offset(), e.source(), e.format(), e.receivedAt(), e.reasonText(), e.raw()};
    }
}
