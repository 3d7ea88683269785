package dev.switchboard.contact;

import dev.switchboard.mediation.ErrorRows;
import dev.switchboard.store.Column;
import dev.switchboard.store.SqlSink;
import dev.switchboard.store.TableMapping;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * How contact records are kept in the SQL history: table {@code contact_record}, one row per ContactId, and
 * rejected ones in {@code ctr_error}. A later version overwrites the row, never an older one: versioning in
 * the stream drops stale versions only while it remembers the contact (the TTL), so the store checks again
 * (LastUpdateTimestamp, then the larger fingerprint on a tie, as {@link ContactVersions}).
 */
public final class ContactHistory {
    private ContactHistory() {}

    public static List<SqlSink.Route<?>> routes() {
        return List.of(
                new SqlSink.Route<>(ContactTopics.CLEAN.name(), ContactTopics.CLEAN.valueSerde().deserializer(), new ContactRows()),
                new SqlSink.Route<>(ContactTopics.ERROR.name(), ContactTopics.ERROR.valueSerde().deserializer(), new ErrorRows("ctr_error")));
    }

    static final class ContactRows implements TableMapping<ContactVersion> {
        private static final List<Column> COLUMNS = List.of(Column.text("contact_id"), Column.text("initial_contact_id"),
                Column.text("previous_contact_id"), Column.text("chain_id"), Column.text("channel"), Column.text("initiation_method"),
                Column.timestamp("initiation_timestamp"), Column.timestamp("connected_to_system_timestamp"), Column.timestamp("disconnect_timestamp"),
                Column.timestamp("last_update_timestamp"), Column.text("disconnect_reason"), Column.text("queue_name"), Column.text("queue_arn"),
                Column.timestamp("enqueue_timestamp"), Column.timestamp("dequeue_timestamp"), Column.bigint("queue_duration_sec"),
                Column.text("agent_username"), Column.timestamp("connected_to_agent_timestamp"), Column.bigint("agent_interaction_sec"),
                Column.bigint("customer_hold_sec"), Column.bigint("after_contact_work_sec"), Column.bigint("number_of_holds"),
                Column.text("customer_endpoint"), Column.text("system_endpoint"), Column.text("fingerprint"), Column.text("raw"));
        private static final int LAST_UPDATE = 9;
        private static final int FINGERPRINT = 24;

        @Override
        public String table() {
            return "contact_record";
        }

        @Override
        public List<Column> columns() {
            return COLUMNS;
        }

        @Override
        public Object[] row(ContactVersion v, RecordPosition position) {
            ContactRecord c = v.contact();
            ContactRecord.Queue q = c.queue();
            ContactRecord.Agent a = c.agent();
            return new Object[] {c.contactId(), c.initialContactId(), c.previousContactId(), c.chainId(), c.channel(), c.initiationMethod(),
                    c.initiationTimestamp(), c.connectedToSystemTimestamp(), c.disconnectTimestamp(), c.lastUpdateTimestamp(), c.disconnectReason(),
                    q == null ? null : q.name(), q == null ? null : q.arn(), q == null ? null : q.enqueueTimestamp(),
                    q == null ? null : q.dequeueTimestamp(), q == null ? null : q.durationSec(),
                    a == null ? null : a.username(), a == null ? null : a.connectedToAgentTimestamp(), a == null ? null : a.agentInteractionDuration(),
                    a == null ? null : a.customerHoldDuration(), a == null ? null : a.afterContactWorkDuration(), a == null ? null : a.numberOfHolds(),
                    c.customerEndpoint(), c.systemEndpoint(), c.fingerprint(), c.raw()};
        }

        @Override
        public List<String> key() {
            return List.of("contact_id");
        }

        @Override
        public List<String> overwrite() {
            return COLUMNS.stream().map(Column::name).filter(n -> !n.equals("contact_id")).toList();
        }

        @Override
        public String overwriteWhen() {
            return "EXCLUDED.last_update_timestamp > contact_record.last_update_timestamp"
                    + " OR (EXCLUDED.last_update_timestamp = contact_record.last_update_timestamp AND EXCLUDED.fingerprint > contact_record.fingerprint)";
        }

        @Override
        public Comparator<Object[]> newest() {
            return Comparator.comparing((Object[] r) -> (Instant) r[LAST_UPDATE]).thenComparing(r -> (String) r[FINGERPRINT]);
        }
    }
}
