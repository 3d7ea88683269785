package dev.switchboard.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cdr.CdrFormat;
import dev.switchboard.generate.CdrGenerator;
import dev.switchboard.generate.CdrWorkload;
import dev.switchboard.generate.SubscriberBase;
import dev.switchboard.store.Database;
import dev.switchboard.store.Dialect;
import dev.switchboard.store.StoreFixtures;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.PGConnection;

/**
 * The SQL longest-prefix join of docs/MARKETING.md ({@link DirectorySql}) gives every stored CDR the
 * same tag and prefix as the Java lookup, on each engine; and how long it takes over a million CDRs.
 */
class DirectorySqlIT {
    /** The default US directory, plus a wide prefix under which its toll-free entries nest. */
    static final BusinessDirectory DIRECTORY;

    static {
        List<DirectoryEntry> entries = new ArrayList<>(SubscriberBase.create("US", 10, SubscriberBase.DEFAULT_SEED).businesses().entries());
        entries.add(new DirectoryEntry("+1800", BusinessType.BUSINESS, "any other toll-free"));
        DIRECTORY = BusinessDirectory.of(entries);
    }

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theSqlJoinAgreesWithTheJavaLookup(Dialect dialect) throws Exception {
        try (var test = StoreFixtures.fresh(dialect, dir); Database db = test.open()) {
            new DirectoryStore(db).importEntries(DIRECTORY.entries(), DirectoryStore.Mode.REPLACE);
            List<String[]> cdrs = cdrs(20_000, 5);
            cdrs.add(new String[] {"ext", "+12015550000", "911", "2025-01-06T00:00:00Z", "", "VOICE", "ANSWERED", ""});
            cdrs.add(new String[] {"tollfree", "+12015550000", "+18005550100", "2025-01-06T00:00:00Z", "", "VOICE", "ANSWERED", ""});
            insertCdrs(db, cdrs);
            Map<String, String[]> sql = resolved(db, DirectorySql.CDR_WITH_DIRECTORY);
            assertThat(sql).hasSize(cdrs.size());
            int business = 0;
            for (String[] cdr : cdrs) {
                BusinessDirectory.Match java = DIRECTORY.lookup(cdr[2]);
                String[] row = sql.get(cdr[0]);
                assertThat(row[1]).as(cdr[2]).isEqualTo(java.tag().name());
                assertThat(row[0]).as(cdr[2]).isEqualTo(java.entry() == null ? null : java.entry().prefix());
                if (java.entry() != null) business++;
            }
            assertThat(business).isGreaterThan(2500);
            assertThat(sql.get("tollfree")).containsExactly("+1800", "BUSINESS");
            assertThat(sql.get("ext")).containsExactly(null, "PRIVATE");
        }
    }

    /**
     * Not a check of speed (the machine is shared), the measurement in docs/MARKETING.md; runs only when
     * SWITCHBOARD_BENCH is set (a minute or more: it makes and stores a million CDRs per engine).
     */
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aMillionCdrs(Dialect dialect) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("SWITCHBOARD_BENCH") != null, "SWITCHBOARD_BENCH is not set");
        try (var test = StoreFixtures.fresh(dialect, dir); Database db = test.open()) {
            new DirectoryStore(db).importEntries(DIRECTORY.entries(), DirectoryStore.Mode.REPLACE);
            insertCdrs(db, cdrs(1_000_000, 7));
            for (var idiom : Map.of("equi-join on prefix lengths", DirectorySql.CDR_WITH_DIRECTORY, "starts_with + window", DirectorySql.STARTS_WITH)
                    .entrySet()) {
                String sql = "SELECT tag, count(*) FROM (" + idiom.getValue() + ") t GROUP BY tag";
                long best = Long.MAX_VALUE;
                Map<String, Long> counts = new HashMap<>();
                for (int run = 0; run < 2; run++) {
                    long t0 = System.nanoTime();
                    counts = counts(db, sql);
                    best = Math.min(best, System.nanoTime() - t0);
                }
                System.out.printf("%s, 1,000,000 CDRs x %d entries, %s, tags counted: best of 2 %d ms %s%n", dialect, DIRECTORY.size(), idiom.getKey(),
                        best / 1_000_000, counts);
                assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1_000_000);
            }
        }
    }

    static List<String[]> cdrs(int count, long seed) {
        SubscriberBase base = SubscriberBase.create("US", SubscriberBase.DEFAULT_SIZE, SubscriberBase.DEFAULT_SEED).withBusinesses(DIRECTORY);
        CdrWorkload w = CdrWorkload.builder().count(count).seed(seed).errorRate(0).duplicateRate(0).build();
        List<String[]> out = new ArrayList<>(count + 2);
        Iterator<String> lines = new CdrGenerator(w, base).lines(CdrFormat.CDR_CSV);
        lines.next(); // header
        while (lines.hasNext()) out.add(lines.next().split(",", -1));
        return out;
    }

    static void insertCdrs(Database db, List<String[]> cdrs) throws Exception {
        try (Connection c = db.connect()) {
            if (db.dialect() == Dialect.DUCKDB) {
                int columns;
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.columns WHERE table_name = 'cdr'")) {
                    rs.next();
                    columns = rs.getInt(1);
                }
                try (DuckDBAppender app = c.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "cdr")) {
                    for (String[] r : cdrs) {
                        app.beginRow();
                        app.append(r[0]).append(r[1]).append(r[2]).append(java.time.OffsetDateTime.parse(r[3]));
                        app.appendNull().append(r[5]).append(r[6]).appendNull();
                        for (int i = 8; i < columns; i++) app.appendNull();
                        app.endRow();
                    }
                    app.flush();
                }
                return;
            }
            StringWriter text = new StringWriter();
            try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.POSTGRESQL_CSV)) {
                for (String[] r : cdrs) csv.printRecord(r[0], r[1], r[2], r[3], r[5], r[6]);
            }
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY cdr (id, calling_number, called_number, start_time, type, result) FROM STDIN WITH (FORMAT csv)",
                    new StringReader(text.toString()));
        }
    }

    /** id → {prefix, tag} */
    static Map<String, String[]> resolved(Database db, String select) throws SQLException {
        Map<String, String[]> out = new HashMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(select)) {
            while (rs.next()) out.put(rs.getString("id"), new String[] {rs.getString("prefix"), rs.getString("tag")});
        }
        return out;
    }

    static Map<String, Long> counts(Database db, String sql) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
        }
        return out;
    }
}
