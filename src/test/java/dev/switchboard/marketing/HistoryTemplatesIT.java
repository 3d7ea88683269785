package dev.switchboard.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrHistory;
import dev.switchboard.cdr.CdrResult;
import dev.switchboard.cdr.CdrType;
import dev.switchboard.store.Database;
import dev.switchboard.store.Dialect;
import dev.switchboard.store.StoreFixtures;
import dev.switchboard.store.TableMapping;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The five templates over the history, against expectations worked out by hand (MarketingFixture has
 * the working), on DuckDB and PostgreSQL.
 */
class HistoryTemplatesIT {
    @TempDir Path dir;

    @SuppressWarnings("unchecked")
    static void store(Database db, List<Cdr> cdrs) throws Exception {
        TableMapping<Cdr> rows = (TableMapping<Cdr>) CdrHistory.routes().get(0).mapping();
        db.write(rows, cdrs);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String[] e : MarketingFixture.DIRECTORY)
                s.execute("INSERT INTO business_directory (prefix, business_type, tag) VALUES ('" + e[0] + "', '" + e[1] + "', '" + e[2] + "')");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void everyTemplateGivesTheHandWorkedRows(Dialect dialect) throws Exception {
        try (StoreFixtures.TestStore s = StoreFixtures.fresh(dialect, dir); Database db = s.open()) {
            store(db, MarketingFixture.CDRS);
            HistoryTemplates t = new HistoryTemplates(db, MarketingFixture.ZONE, "US");
            MarketingFixture.assertAll(t::duration, t::business, t::personTags, t::countries, t::bestTimes);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void localTimesFollowSummerTimeWithinTheRange(Dialect dialect) throws Exception {
        // Summer time starts on 8 March 2026: 07:00 UTC in New York, 10:00 UTC in Los Angeles.
        List<Cdr> cdrs = List.of(
                new Cdr("before", MarketingFixture.A, "+12125550111", Instant.parse("2026-03-08T06:30:00Z"), 10, CdrType.VOICE, CdrResult.ANSWERED, null),
                new Cdr("after", MarketingFixture.A, "+12125550111", Instant.parse("2026-03-08T15:00:00Z"), 20, CdrType.VOICE, CdrResult.ANSWERED, null),
                new Cdr("later", MarketingFixture.A, "+12125550111", Instant.parse("2026-03-09T15:20:00Z"), 30, CdrType.VOICE, CdrResult.ANSWERED, null));
        try (StoreFixtures.TestStore s = StoreFixtures.fresh(dialect, dir); Database db = s.open()) {
            store(db, cdrs);
            HistoryTemplates t = new HistoryTemplates(db, MarketingFixture.ZONE, "US");
            TemplateQuery range = new TemplateQuery(LocalDate.parse("2026-03-07"), LocalDate.parse("2026-03-09"), "day_hour", null, null, null, null, 0, 10, 0);
            // 06:30 UTC = 01:30 EST; 15:00 UTC = 11:00 EDT on the 8th and 11:20 EDT on the 9th
            assertThat(t.duration(range)).containsExactly(
                    new TemplateRows.Duration(LocalDate.parse("2026-03-08"), 1, 1, 10), new TemplateRows.Duration(LocalDate.parse("2026-03-08"), 11, 1, 20),
                    new TemplateRows.Duration(LocalDate.parse("2026-03-09"), 11, 1, 30));
            // in Los Angeles: 22:30 PST on Saturday the 7th, then 08:00 and 08:20 PDT on Sunday and Monday: a three-way tie, Monday first
            assertThat(t.bestTimes(range)).extracting(b -> b.weekday() + " " + b.hour() + " " + b.slotCalls())
                    .containsExactly("MONDAY 8 1");
        }
    }
}
