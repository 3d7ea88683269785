package dev.switchboard.store;

import static dev.switchboard.store.StoreFixtures.T0;
import static dev.switchboard.store.StoreFixtures.voice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrType;
import dev.switchboard.rating.FreeUnits;
import dev.switchboard.rating.PlanVersion;
import dev.switchboard.rating.Rate;
import dev.switchboard.rating.RatedCdr;
import dev.switchboard.rating.Rater;
import dev.switchboard.rating.RatingHistory;
import dev.switchboard.rating.RatingResult;
import dev.switchboard.rating.Rounding;
import dev.switchboard.rating.Tariffs;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Rated CDRs fill the cost columns of their row in table cdr, whether the clean row was stored before or after, on each database. */
class RatedHistoryWriteIT {
    @TempDir Path dir;

    @SuppressWarnings("unchecked")
    private static TableMapping<RatedCdr> ratedRows() {
        return (TableMapping<RatedCdr>) RatingHistory.routes().get(0).mapping();
    }

    /** 0.10 per started minute, 60/60, rounded half-up to cents. */
    private static RatedCdr rated(Cdr cdr) {
        Rate rate = new Rate("all", CdrType.VOICE, "", null, BigDecimal.ZERO, new BigDecimal("0.10"), 60, 60, 60, null, null,
                Rounding.HALF_UP, 2, "USD");
        PlanVersion plan = new PlanVersion("p", 1, Instant.EPOCH, "USD", BigDecimal.ZERO, List.of(), Set.of(), List.of(rate), List.of());
        RatingResult.Rated r = (RatingResult.Rated) new Rater(new Tariffs(Map.of("p", List.of(plan)), Map.of(), "p", ZoneOffset.UTC))
                .rate(cdr, FreeUnits.FRESH);
        return new RatedCdr(cdr, r.cost(), r.currency(), r.rateId(), r.planVersion(), r.proof());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theRowEndsUpWholeInEitherOrderAndReplaysChangeNothing(Dialect dialect) throws Exception {
        Cdr first = voice("c-1", T0, 61);   // 120 s billed: 0.20
        Cdr second = voice("c-2", T0, 30);  // 60 s billed: 0.10
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(dialect, dir); Database db = store.open()) {
            StoreFixtures.write(db, StoreFixtures.cdrRows(), 0, List.of(first));           // clean before rated
            StoreFixtures.write(db, ratedRows(), 0, List.of(rated(first), rated(second), rated(second))); // rated, one twice in a batch
            StoreFixtures.write(db, StoreFixtures.cdrRows(), 1, List.of(second));          // clean after rated
            StoreFixtures.write(db, ratedRows(), 0, List.of(rated(first)));                // a replay
            StoreFixtures.write(db, ratedRows(), 2, List.of(RatedCdr.unpriced(voice("c-3", T0, 5)))); // no rate matched
            try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT id, cost, currency, rate_id, plan_version, cost_proof IS NOT NULL FROM cdr ORDER BY id")) {
                List<List<Object>> rows = new ArrayList<>();
                while (rs.next())
                    rows.add(List.of(rs.getString(1), String.valueOf(rs.getBigDecimal(2) == null ? null : rs.getBigDecimal(2).stripTrailingZeros().toPlainString()), String.valueOf(rs.getString(3)),
                            String.valueOf(rs.getString(4)), rs.getInt(5), rs.getBoolean(6)));
                assertThat(rows).containsExactly(List.of("c-1", "0.2", "USD", "all", 1, true), List.of("c-2", "0.1", "USD", "all", 1, true),
                        List.of("c-3", "null", "null", "null", 0, false));
            }
        }
    }
}
