package dev.switchboard.store;

import static dev.switchboard.store.StoreFixtures.T0;
import static dev.switchboard.store.StoreFixtures.error;
import static dev.switchboard.store.StoreFixtures.sms;
import static dev.switchboard.store.StoreFixtures.voice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrResult;
import dev.switchboard.cdr.CdrType;
import dev.switchboard.mediation.ErrorRecord;
import dev.switchboard.store.StoreFixtures.StoredError;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The CDR tables written through the sink's write path ({@link RowWriter} with the {@code CdrHistory} mappings). */
class CdrHistoryWriteIT {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void writingTheSameRecordsAgainStoresEachOnce(Dialect dialect) throws Exception {
        ErrorRecord e0 = error("{\"id\":", T0, "UNREADABLE");
        ErrorRecord e1 = error("x,y", T0.plusSeconds(1), "INVALID_NUMBER");
        ErrorRecord e2 = error("z", T0.plusSeconds(2), "MISSING_FIELD");
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(dialect, dir); Database db = store.open()) {
            StoreFixtures.write(db, StoreFixtures.cdrRows(), 0, List.of(voice("c-1", T0, 42), sms("c-2", T0)));
            StoreFixtures.write(db, StoreFixtures.errorRows(), 0, List.of(e0, e1));

            // A replay of the same records, a new one, and a record repeated inside one batch.
            StoreFixtures.write(db, StoreFixtures.cdrRows(), 0,
                    List.of(voice("c-1", T0, 42), sms("c-2", T0), voice("c-3", T0, 7), voice("c-3", T0, 7)));
            StoreFixtures.write(db, StoreFixtures.errorRows(), 0, List.of(e0, e1, e2));

            assertThat(StoreFixtures.storedCdrs(db)).containsExactly(voice("c-1", T0, 42), sms("c-2", T0), voice("c-3", T0, 7));
            assertThat(StoreFixtures.storedErrors(db)).containsExactly(
                    new StoredError("cdr.error", 0, 0, "http", "cdr-json", T0, "UNREADABLE", "{\"id\":"),
                    new StoredError("cdr.error", 0, 1, "http", "cdr-json", T0.plusSeconds(1), "INVALID_NUMBER", "x,y"),
                    new StoredError("cdr.error", 0, 2, "http", "cdr-json", T0.plusSeconds(2), "MISSING_FIELD", "z"));
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void anSmsIsStoredWithANullDuration(Dialect dialect) throws Exception {
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(dialect, dir); Database db = store.open()) {
            StoreFixtures.write(db, StoreFixtures.cdrRows(), 0, List.of(sms("s-1", T0), voice("v-0", T0, 0)));
            try (Connection c = db.connect(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id, duration_sec IS NULL, type FROM cdr ORDER BY id")) {
                assertThat(rs.next()).isTrue();
                assertThat(List.of(rs.getString(1), rs.getBoolean(2), rs.getString(3))).containsExactly("s-1", true, "SMS");
                assertThat(rs.next()).isTrue();
                assertThat(List.of(rs.getString(1), rs.getBoolean(2), rs.getString(3))).containsExactly("v-0", false, "VOICE");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void timestampsComeBackAsTheSameInstantWhateverTheJvmZone(Dialect dialect) throws Exception {
        List<Instant> instants = List.of(T0, Instant.parse("2026-03-29T01:30:00.123456Z"), Instant.parse("1999-12-31T23:59:59.999999Z"),
                Instant.parse("2026-10-25T00:59:59.000001Z"));
        List<Cdr> cdrs = instants.stream().map(t -> voice("t-" + t, t, 1)).toList();
        TimeZone jvmZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/St_Johns")); // -03:30 or -02:30, never a whole hour off UTC
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(dialect, dir); Database db = store.open()) {
            StoreFixtures.write(db, StoreFixtures.cdrRows(), 0, cdrs);
            StoreFixtures.write(db, StoreFixtures.errorRows(), 0, instants.stream().map(t -> error("r", t, "X")).toList());

            assertThat(StoreFixtures.storedCdrs(db)).containsExactlyInAnyOrderElementsOf(cdrs);
            assertThat(StoreFixtures.storedErrors(db)).extracting(StoredError::receivedAt).containsExactlyElementsOf(instants);
            try (Connection c = db.connect(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM cdr WHERE start_time = TIMESTAMPTZ '2026-03-01 10:15:30+00'")) {
                rs.next();
                assertThat(rs.getLong(1)).as("the engine sees the UTC instant, not the JVM's wall time").isEqualTo(1);
            }
        } finally {
            TimeZone.setDefault(jvmZone);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void textWithANulCharacterAndNonAsciiIsStored(Dialect dialect) throws Exception {
        String raw = "{\"id\":\"a\u0000b\",\"note\":\"é 日本 😀\"}";
        Cdr cdr = new Cdr("ü-1", "+33612345678", "+33198765432", T0, 3, CdrType.VOICE, CdrResult.BUSY, "Télécom Ünïon 日本");
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(dialect, dir); Database db = store.open()) {
            StoreFixtures.write(db, StoreFixtures.cdrRows(), 0, List.of(cdr));
            StoreFixtures.write(db, StoreFixtures.errorRows(), 0, List.of(error(raw, T0, "UNREADABLE")));

            assertThat(StoreFixtures.storedCdrs(db)).containsExactly(cdr);
            // PostgreSQL text cannot hold NUL, so the writer replaces it there.
            String expected = dialect == Dialect.POSTGRES ? raw.replace('\u0000', '\uFFFD') : raw;
            assertThat(StoreFixtures.storedErrors(db)).extracting(StoredError::raw).containsExactly(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aRolledBackTransactionLeavesNothingAndTheConnectionWritesOnAfterwards(Dialect dialect) throws Exception {
        TableMapping<Cdr> cdrs = StoreFixtures.cdrRows();
        TableMapping<ErrorRecord> errors = StoreFixtures.errorRows();
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(dialect, dir); Database db = store.open(); Connection c = db.connect()) {
            c.setAutoCommit(false);
            RowWriter.insert(db.dialect(), c, cdrs.table(), cdrs.columns(), StoreFixtures.rows(cdrs, 0, List.of(voice("gone-1", T0, 5))));
            RowWriter.insert(db.dialect(), c, errors.table(), errors.columns(), StoreFixtures.rows(errors, 0, List.of(error("r", T0, "X"))));
            c.rollback();
            assertThat(StoreFixtures.count(db, "cdr")).isZero();
            assertThat(StoreFixtures.count(db, "cdr_error")).isZero();

            // Two writes to one table in one transaction, on the connection that rolled back.
            RowWriter.insert(db.dialect(), c, cdrs.table(), cdrs.columns(), StoreFixtures.rows(cdrs, 0, List.of(voice("kept-1", T0, 1))));
            RowWriter.insert(db.dialect(), c, cdrs.table(), cdrs.columns(), StoreFixtures.rows(cdrs, 0, List.of(voice("kept-2", T0, 2))));
            c.commit();
            assertThat(StoreFixtures.storedCdrs(db)).containsExactly(voice("kept-1", T0, 1), voice("kept-2", T0, 2));
        }
    }
}
