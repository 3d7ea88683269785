package dev.switchboard.callcenter;

import dev.switchboard.mediation.ErrorRows;
import dev.switchboard.platform.Json;
import dev.switchboard.store.Column;
import dev.switchboard.store.SqlSink;
import dev.switchboard.store.TableMapping;
import java.util.List;

/** How completed and rejected calls are kept in the SQL history: tables {@code call} and {@code call_error}. */
public final class CallHistory {
    private CallHistory() {}

    public static List<SqlSink.Route<?>> routes() {
        return List.of(
                new SqlSink.Route<>(CallTopics.COMPLETED.name(), CallTopics.COMPLETED.valueSerde().deserializer(), new CallRows()),
                new SqlSink.Route<>(CallTopics.ERROR.name(), CallTopics.ERROR.valueSerde().deserializer(), new ErrorRows("call_error")));
    }

    /** The mapping of table {@code call}, for writers other than the sink (a training history written straight from the simulator in tests and benchmarks). */
    public static TableMapping<CompletedCall> callRows() {
        return new CallRows();
    }

    static final class CallRows implements TableMapping<CompletedCall> {
        private static final List<Column> COLUMNS = List.of(Column.text("call_id"), Column.text("queue"), Column.text("caller_number"),
                Column.timestamp("queued_at"), Column.timestamp("answered_at"), Column.timestamp("ended_at"), Column.text("outcome"),
                Column.integer("wait_sec"), Column.integer("talk_sec"), Column.text("agent"), Column.text("subject"), Column.text("product"),
                Column.text("city"), Column.text("sex"), Column.integer("age"), Column.integer("calls_last_30d"), Column.text("predicted_subject"),
                Column.text("dialled_number"), Column.text("predicted_probs"));

        @Override
        public String table() {
            return "call";
        }

        @Override
        public List<Column> columns() {
            return COLUMNS;
        }

        @Override
        public Object[] row(CompletedCall c, RecordPosition position) {
            return new Object[] {c.callId(), c.queue(), c.callerNumber(), c.queuedAt(), c.answeredAt(), c.endedAt(), c.outcome(),
                    c.waitSec(), c.talkSec(), c.agent(), name(c.subject()), c.product(), c.city(), name(c.sex()), c.age(), c.callsLast30d(),
                    name(c.predictedSubject()), c.dialledNumber(), c.predictedProbs() == null ? null : Json.write(new java.util.TreeMap<>(c.predictedProbs()))};
        }

        private static String name(Enum<?> e) {
            return e == null ? null : e.name();
        }
    }
}
