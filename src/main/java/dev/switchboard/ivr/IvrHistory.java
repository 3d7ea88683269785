package dev.switchboard.ivr;

import dev.switchboard.mediation.ErrorRows;
import dev.switchboard.store.Column;
import dev.switchboard.store.SqlSink;
import dev.switchboard.store.TableMapping;
import java.util.ArrayList;
import java.util.List;

/**
 * How IVR sessions are kept in the SQL history: {@code ivr.clean} becomes one row of
 * {@code raw_session_data} and one row per turn of {@code conversation_data}; {@code ivr.error}
 * becomes {@code ivr_error}. Keys: session_id, and (session_id, turn_number); the first version written
 * of a session id is kept.
 */
public final class IvrHistory {
    private IvrHistory() {}

    public static List<SqlSink.Route<?>> routes() {
        return List.of(
                new SqlSink.Route<>(IvrTopics.CLEAN.name(), IvrTopics.CLEAN.valueSerde().deserializer(), new SessionRows()),
                new SqlSink.Route<>(IvrTopics.CLEAN.name(), IvrTopics.CLEAN.valueSerde().deserializer(), new TurnRows()),
                new SqlSink.Route<>(IvrTopics.ERROR.name(), IvrTopics.ERROR.valueSerde().deserializer(), new ErrorRows("ivr_error")));
    }

    static final class SessionRows implements TableMapping<IvrSession> {
        private static final List<Column> COLUMNS = List.of(Column.text("session_id"), Column.text("customer_id"),
                Column.timestamp("call_start_time"), Column.timestamp("call_end_time"), Column.integer("call_duration_sec"),
                Column.text("conversation"), Column.text("initial_intent"), Column.text("resolution_status"), Column.text("escalation_flag"),
                Column.text("customer_sentiment"), Column.text("system_error_flag"), Column.text("ivr_outcome_code"),
                Column.text("topic_type"), Column.text("topic_name"), Column.text("source_file"));

        @Override
        public String table() {
            return "raw_session_data";
        }

        @Override
        public List<Column> columns() {
            return COLUMNS;
        }

        @Override
        public Object[] row(IvrSession s, RecordPosition position) {
            return new Object[] {s.sessionId(), s.customerId(), s.callStartTime(), s.callEndTime(), s.callDurationSec(), s.conversation(),
                    s.initialIntent(), s.resolutionStatus().label(), s.escalationFlag(), s.customerSentiment(), s.systemErrorFlag(),
                    s.ivrOutcomeCode(), s.topicType(), s.topicName(), s.sourceFile()};
        }
    }

    static final class TurnRows implements TableMapping<IvrSession> {
        private static final List<Column> COLUMNS = List.of(Column.text("session_id"), Column.text("customer_id"),
                Column.integer("turn_number"), Column.timestamp("timestamp"), Column.text("speaker"), Column.text("text"),
                Column.text("intent_detected"), Column.text("intent_name"), Column.decimal("confidence_score"));

        @Override
        public String table() {
            return "conversation_data";
        }

        @Override
        public List<Column> columns() {
            return COLUMNS;
        }

        /** Not used: a session is as many rows as it has turns. */
        @Override
        public Object[] row(IvrSession s, RecordPosition position) {
            throw new UnsupportedOperationException("a session is one row per turn: use rows()");
        }

        @Override
        public List<Object[]> rows(IvrSession s, RecordPosition position) {
            List<Object[]> out = new ArrayList<>(s.turns().size());
            for (IvrTurn t : s.turns()) {
                out.add(new Object[] {s.sessionId(), s.customerId(), t.turnNumber(), t.timestamp(), t.speaker().label(), t.text(),
                        t.intentDetected(), t.intentName(), t.confidenceScore()});
            }
            return out;
        }
    }
}
