package dev.switchboard.rating;

import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrPlaceColumns;
import dev.switchboard.store.Column;
import dev.switchboard.store.SqlSink;
import dev.switchboard.store.TableMapping;
import java.util.List;

/**
 * Clean CDRs in the history, from {@code cdr.rated}: the row of table {@code cdr} with its cost columns
 * and proof (null when no rate matched). A later record of the same CDR (a re-rating) overwrites the
 * price columns; the row is the same whichever of several writers stored it first.
 */
public final class RatingHistory {
    private RatingHistory() {}

    public static List<SqlSink.Route<?>> routes() {
        return List.of(new SqlSink.Route<>(RatingTopology.RATED.name(), RatingTopology.RATED.valueSerde().deserializer(), new RatedRows()));
    }

    static final class RatedRows implements TableMapping<RatedCdr> {
        private static final List<Column> COLUMNS = CdrPlaceColumns.after(List.of(Column.text("id"), Column.text("calling_number"),
                Column.text("called_number"), Column.timestamp("start_time"), Column.integer("duration_sec"),
                Column.text("type"), Column.text("result"), Column.text("operator"), Column.decimal("cost"), Column.text("currency"),
                Column.text("rate_id"), Column.integer("plan_version"), Column.text("cost_proof")));
        private final CdrPlaceColumns places = new CdrPlaceColumns();
        private static final List<String> PRICE = List.of("cost", "currency", "rate_id", "plan_version", "cost_proof");

        @Override
        public String table() {
            return "cdr";
        }

        @Override
        public List<Column> columns() {
            return COLUMNS;
        }

        @Override
        public List<String> key() {
            return List.of("id");
        }

        @Override
        public List<String> overwrite() {
            return PRICE;
        }

        @Override
        public Object[] row(RatedCdr r, RecordPosition position) {
            Cdr c = r.cdr();
            return places.append(new Object[] {c.id(), c.callingNumber(), c.calledNumber(), c.startTime(), c.durationSec(), c.type().name(),
                    c.result().name(), c.operator(), r.cost(), r.currency(), r.rateId(), r.priced() ? r.planVersion() : null,
                    r.priced() ? StoredProof.write(r.proof()) : null}, c);
        }
    }
}
