package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrResult;
import dev.switchboard.cdr.CdrType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Where a CDR's numbers are, in table cdr: written by the sink with the row, and filled in for rows stored before (migration V8). */
class CdrPlacesIT {
    @TempDir Path dir;

    private static final List<String> EXPECTED = List.of(
            "a toll-free caller (no one zone) to Paris: null FR 33",
            "b Los Angeles caller to Toronto: America/Los_Angeles CA 1",
            "c Paris caller to an extension: Europe/Paris ZZ 0");

    private static List<Cdr> cdrs() {
        return List.of(
                new Cdr("a toll-free caller (no one zone) to Paris:", "+18005550199", "+33198765432", StoreFixtures.T0, 10, CdrType.VOICE, CdrResult.ANSWERED, null),
                new Cdr("b Los Angeles caller to Toronto:", "+14155550123", "+14165550123", StoreFixtures.T0, 10, CdrType.VOICE, CdrResult.ANSWERED, null),
                new Cdr("c Paris caller to an extension:", "+33612345678", "2001", StoreFixtures.T0, 10, CdrType.VOICE, CdrResult.ANSWERED, null));
    }

    private static List<String> places(Database db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id, caller_zone, called_region, called_cc FROM cdr ORDER BY id")) {
            while (rs.next()) out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getInt(4));
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theSinkWritesThePlacesWithTheRow(Dialect dialect) throws Exception {
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(dialect, dir); Database db = store.open()) {
            StoreFixtures.write(db, StoreFixtures.cdrRows(), 0, cdrs());
            assertThat(places(db)).containsExactlyElementsOf(EXPECTED);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void rowsStoredBeforeTheColumnsAreFilledIn(Dialect dialect) throws Exception {
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(dialect, dir)) {
            Flyway.configure().dataSource(store.url(), null, null).locations("classpath:db/migration").target("6").load().migrate();
            try (Connection c = DriverManager.getConnection(store.url()); Statement s = c.createStatement()) {
                for (Cdr cdr : cdrs())
                    s.execute("INSERT INTO cdr (id, calling_number, called_number, start_time, duration_sec, type, result) VALUES ('"
                            + cdr.id() + "', '" + cdr.callingNumber() + "', '" + cdr.calledNumber()
                            + "', TIMESTAMPTZ '2026-03-01 10:15:30+00', 10, 'VOICE', 'ANSWERED')");
            }
            try (Database db = store.open()) {
                assertThat(places(db)).containsExactlyElementsOf(EXPECTED);
            }
        }
    }
}
