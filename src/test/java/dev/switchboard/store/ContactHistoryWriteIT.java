package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.contact.ContactFixtures;
import dev.switchboard.contact.ContactHistory;
import dev.switchboard.contact.ContactParser;
import dev.switchboard.contact.ContactRecord;
import dev.switchboard.contact.ContactVersion;
import dev.switchboard.contact.ContactVersions;
import dev.switchboard.mediation.Mediated;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Table {@code contact_record} written through the sink's write path with the {@link ContactHistory} mapping, on each database. */
class ContactHistoryWriteIT {
    @TempDir Path dir;

    @SuppressWarnings("unchecked")
    private static TableMapping<ContactVersion> contactRows() {
        return (TableMapping<ContactVersion>) ContactHistory.routes().get(0).mapping();
    }

    private static ContactVersion version(ObjectNode json) {
        Mediated<ContactRecord> m = ContactParser.parse(json.toString().getBytes(StandardCharsets.UTF_8));
        return new ContactVersion(ContactVersions.Outcome.NEW, ((Mediated.Clean<ContactRecord>) m).value());
    }

    private static ContactVersion version(String id, long updateSec, String agent) {
        return version(ContactFixtures.contact(id, updateSec, "Billing", agent));
    }

    private static List<String> stored(Database db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT contact_id, agent_username, last_update_timestamp, fingerprint FROM contact_record ORDER BY contact_id")) {
            while (rs.next()) out.add(rs.getString(1) + ":" + rs.getString(2) + "@" + StoreFixtures.instant(rs, 3).getEpochSecond() % 1000
                    + ":" + rs.getString(4).substring(0, 8));
        }
        return out;
    }

    private static String row(ContactVersion v) {
        ContactRecord c = v.contact();
        return c.contactId() + ":" + (c.agent() == null ? null : c.agent().username()) + "@" + c.lastUpdateTimestamp().getEpochSecond() % 1000
                + ":" + c.fingerprint().substring(0, 8);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void everyColumnIsStoredWithTheRawJson(Dialect dialect) throws Exception {
        ContactVersion v = version(ContactFixtures.transferred("c-2", "c-1", "c-1", 300, "Retention", "bob"));
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(dialect, dir); Database db = store.open()) {
            StoreFixtures.write(db, contactRows(), 0, List.of(v));
            try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT contact_id, initial_contact_id, previous_contact_id, chain_id, channel, initiation_method, queue_name, queue_duration_sec,"
                            + " agent_username, agent_interaction_sec, customer_hold_sec, after_contact_work_sec, number_of_holds, disconnect_reason,"
                            + " customer_endpoint, system_endpoint, raw, initiation_timestamp, enqueue_timestamp, connected_to_agent_timestamp"
                            + " FROM contact_record")) {
                assertThat(rs.next()).isTrue();
                List<Object> got = new ArrayList<>();
                for (int i = 1; i <= 16; i++) got.add(rs.getObject(i) instanceof Number n ? n.longValue() : rs.getObject(i));
                assertThat(got).containsExactly("c-2", "c-1", "c-1", "c-1", "VOICE", "TRANSFER", "Retention", 60L, "bob", 300L, 20L, 15L, 1L,
                        "AGENT_DISCONNECT", "+447700900001", "+442079460001");
                assertThat(rs.getString(17)).isEqualTo(v.contact().raw());
                assertThat(StoreFixtures.instant(rs, 18)).isEqualTo(ContactFixtures.T0);
                assertThat(StoreFixtures.instant(rs, 19)).isEqualTo(ContactFixtures.T0.plusSeconds(10));
                assertThat(StoreFixtures.instant(rs, 20)).isEqualTo(ContactFixtures.T0.plusSeconds(70));
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aLaterVersionOverwritesTheRowAndAnOlderOneNeverDoes(Dialect dialect) throws Exception {
        ContactVersion v100 = version("c-1", 100, null), v200 = version("c-1", 200, "ana"), v300 = version("c-1", 300, "bob");
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(dialect, dir); Database db = store.open()) {
            StoreFixtures.write(db, contactRows(), 0, List.of(v100));
            StoreFixtures.write(db, contactRows(), 1, List.of(v200));
            assertThat(stored(db)).containsExactly(row(v200));
            // An older version after the stream forgot the contact (past the TTL): the store keeps the newer row.
            StoreFixtures.write(db, contactRows(), 2, List.of(v100));
            assertThat(stored(db)).containsExactly(row(v200));
            // Within one batch the newest wins whatever the order, against the stored row too.
            StoreFixtures.write(db, contactRows(), 3, List.of(v300, v100, version("c-2", 50, null), v200));
            assertThat(stored(db)).containsExactly(row(v300), row(version("c-2", 50, null)));
            // A replay changes nothing.
            StoreFixtures.write(db, contactRows(), 7, List.of(v300));
            assertThat(stored(db)).containsExactly(row(v300), row(version("c-2", 50, null)));
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void twoBodiesWithOneTimestampKeepTheLargerFingerprintInEitherOrder(Dialect dialect) throws Exception {
        ContactVersion a = version("c-1", 100, "ana"), b = version("c-1", 100, "bob");
        ContactVersion large = a.contact().fingerprint().compareTo(b.contact().fingerprint()) > 0 ? a : b;
        ContactVersion small = large == a ? b : a;
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(dialect, dir); Database db = store.open()) {
            StoreFixtures.write(db, contactRows(), 0, List.of(large));
            StoreFixtures.write(db, contactRows(), 1, List.of(small));
            assertThat(stored(db)).containsExactly(row(large));
        }
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(dialect, dir); Database db = store.open()) {
            StoreFixtures.write(db, contactRows(), 0, List.of(small));
            StoreFixtures.write(db, contactRows(), 1, List.of(large));
            assertThat(stored(db)).containsExactly(row(large));
        }
    }
}
