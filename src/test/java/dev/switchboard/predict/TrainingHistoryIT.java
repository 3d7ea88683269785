package dev.switchboard.predict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.callcenter.CallHistory;
import dev.switchboard.callcenter.CallSubject;
import dev.switchboard.callcenter.CompletedCall;
import dev.switchboard.callcenter.Sex;
import dev.switchboard.store.Database;
import dev.switchboard.store.Dialect;
import dev.switchboard.store.StoreFixtures;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Features of a small history worked by hand (zone Europe/Paris, UTC+1 in March 2026 until the 29th). Caller A:
 * <pre>
 * c1 Sun 03-01 09:00Z answered COMPLAINT, ended 09:05   30d=0  7d=0  last NONE        products FIBER_100, MOBILE_BASIC
 * c2 Tue 03-03 10:00Z abandoned at 10:02                30d=1  (not a row: no subject)
 * c3 Mon 03-09 09:30Z answered OTHER, ended 09:50       30d=2  7d=1 (c2; c1 is 8 days back)  last ABANDONED
 *                                                        products FIBER_100 (MOBILE_BASIC ended 03-09)
 * c4 Mon 03-09 09:40Z answered JOINING, ended 09:45     30d=3  7d=2 (c2, c3)  last NONE: c3 still going on at 09:40
 * c5 Fri 03-20 12:00Z answered DISCONNECTION            30d=4  7d=0  last JOINING (c4)  products FIBER_100, TV (since 03-10)
 * </pre>
 * and one anonymous caller (no number) answered COMPLAINT on 03-05. No row carries its own subject in its features.
 */
class TrainingHistoryIT {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String A = "+12025550143";
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void featuresAreWhatWasKnownWhenEachCallArrived(Dialect dialect) throws Exception {
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(dialect, dir); Database db = store.open()) {
            db.write(CallHistory.callRows(), List.of(
                    answered("c1", A, "2026-03-01T09:00:00Z", "2026-03-01T09:05:00Z", CallSubject.COMPLAINT, 0),
                    new CompletedCall("c2", "sales", A, t("2026-03-03T10:00:00Z"), null, t("2026-03-03T10:02:00Z"), "ABANDONED", 120, null, null,
                            null, null, "Salem", Sex.F, 44, 1, null),
                    answered("c3", A, "2026-03-09T09:30:00Z", "2026-03-09T09:50:00Z", CallSubject.OTHER, 2),
                    answered("c4", A, "2026-03-09T09:40:00Z", "2026-03-09T09:45:00Z", CallSubject.JOINING, 3),
                    answered("c5", A, "2026-03-20T12:00:00Z", "2026-03-20T12:10:00Z", CallSubject.DISCONNECTION, 4),
                    new CompletedCall("x1", "billing", null, t("2026-03-05T08:00:00Z"), t("2026-03-05T08:00:10Z"), t("2026-03-05T08:03:00Z"),
                            "ANSWERED", 10, 170, "billing-01", CallSubject.COMPLAINT, null, null, null, null, 0, null)));
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO customer_phone VALUES ('" + A + "', 1)");
                s.execute("INSERT INTO subscription VALUES (1, 'FIBER_100', DATE '2026-01-01', NULL), (1, 'MOBILE_BASIC', DATE '2025-01-01', "
                        + "DATE '2026-03-09'), (1, 'TV', DATE '2026-03-10', NULL)");
                s.execute("UPDATE call SET dialled_number = '+18005550100' WHERE call_id = 'c5'");
            }

            List<TrainingRow> rows = new TrainingHistory(db, PARIS).read(null, null);

            assertThat(rows).extracting(TrainingRow::callId).containsExactly("c1", "x1", "c3", "c4", "c5");
            assertThat(rows.get(0).features()).isEqualTo(new CallFeatures("Salem", Sex.F, 44, Set.of("FIBER_100", "MOBILE_BASIC"), 0, 0,
                    LastCall.NONE, 10, DayOfWeek.SUNDAY, "sales", null));
            assertThat(rows.get(0).subject()).isEqualTo(CallSubject.COMPLAINT);
            assertThat(rows.get(1).features()).isEqualTo(new CallFeatures(null, null, null, Set.of(), 0, 0, LastCall.NONE, 9, DayOfWeek.THURSDAY,
                    "billing", null));
            assertThat(rows.get(2).features()).isEqualTo(new CallFeatures("Salem", Sex.F, 44, Set.of("FIBER_100"), 2, 1, LastCall.ABANDONED, 10,
                    DayOfWeek.MONDAY, "sales", null));
            assertThat(rows.get(3).features()).isEqualTo(new CallFeatures("Salem", Sex.F, 44, Set.of("FIBER_100"), 3, 2, LastCall.NONE, 10,
                    DayOfWeek.MONDAY, "sales", null));
            assertThat(rows.get(4).features()).isEqualTo(new CallFeatures("Salem", Sex.F, 44, Set.of("FIBER_100", "TV"), 4, 0, LastCall.JOINING, 13,
                    DayOfWeek.FRIDAY, "sales", "+18005550100"));
            assertThat(rows.get(4).subject()).isEqualTo(CallSubject.DISCONNECTION);

            // A range keeps earlier calls in the counts: c3 still counts c2, queued before 'from'.
            List<TrainingRow> later = new TrainingHistory(db, PARIS).read(t("2026-03-06T00:00:00Z"), t("2026-03-20T00:00:00Z"));
            assertThat(later).extracting(TrainingRow::callId).containsExactly("c3", "c4");
            assertThat(later.get(0).features().callsLast7d()).isEqualTo(1);
            assertThat(later.get(0).features().lastCall()).isEqualTo(LastCall.ABANDONED);
        }
    }

    private static CompletedCall answered(String id, String number, String queued, String ended, CallSubject subject, int last30) {
        return new CompletedCall(id, "sales", number, t(queued), t(queued).plusSeconds(5), t(ended), "ANSWERED", 5, 100, "sales-01", subject,
                "TV", "Salem", Sex.F, 44, last30, null);
    }

    private static Instant t(String s) {
        return Instant.parse(s);
    }
}
