package dev.switchboard.cdr;

import dev.switchboard.mediation.ErrorRows;
import dev.switchboard.store.Column;
import dev.switchboard.store.SqlSink;
import dev.switchboard.store.TableMapping;
import java.util.List;

/** How clean and rejected CDRs are kept in the SQL history: tables {@code cdr} and {@code cdr_error}. */
public final class CdrHistory {
    private CdrHistory() {}

    /** Rejected CDRs only: with rating on, clean CDRs reach table cdr through {@code cdr.rated}. */
    public static List<SqlSink.Route<?>> errorRoutes() {
        return List.of(new SqlSink.Route<>(CdrTopics.ERROR.name(), CdrTopics.ERROR.valueSerde().deserializer(), new ErrorRows("cdr_error")));
    }

    public static List<SqlSink.Route<?>> routes() {
        return List.of(
                new SqlSink.Route<>(CdrTopics.CLEAN.name(), CdrTopics.CLEAN.valueSerde().deserializer(), new CdrRows()),
                new SqlSink.Route<>(CdrTopics.ERROR.name(), CdrTopics.ERROR.valueSerde().deserializer(), new ErrorRows("cdr_error")));
    }

    static final class CdrRows implements TableMapping<Cdr> {
        private static final List<Column> COLUMNS = CdrPlaceColumns.after(List.of(Column.text("id"), Column.text("calling_number"),
                Column.text("called_number"), Column.timestamp("start_time"), Column.integer("duration_sec"),
                Column.text("type"), Column.text("result"), Column.text("operator")));
        private final CdrPlaceColumns places = new CdrPlaceColumns();

        @Override
        public String table() {
            return "cdr";
        }

        @Override
        public List<Column> columns() {
            return COLUMNS;
        }

        @Override
        public Object[] row(Cdr c, RecordPosition position) {
            return places.append(new Object[] {c.id(), c.callingNumber(), c.calledNumber(), c.startTime(), c.durationSec(),
                    c.type().name(), c.result().name(), c.operator()}, c);
        }
    }
}
