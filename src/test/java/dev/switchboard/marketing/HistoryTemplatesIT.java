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
}
