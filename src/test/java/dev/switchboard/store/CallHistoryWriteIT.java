package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.callcenter.CallHistory;
import dev.switchboard.callcenter.CallSubject;
import dev.switchboard.callcenter.CompletedCall;
import dev.switchboard.callcenter.Sex;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Table {@code call} written through the sink's write path with the {@code CallHistory} mapping, on each database. */
class CallHistoryWriteIT {
    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");
    @TempDir Path dir;

    @SuppressWarnings("unchecked")
    private static TableMapping<CompletedCall> callRows() {
        return (TableMapping<CompletedCall>) CallHistory.routes().get(0).mapping();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void completedCallsAreStoredOncePerCallIdWithTheirNulls(Dialect dialect) throws Exception {
        CompletedCall answered = new CompletedCall("c1", "support", "+12025550101", T, T.plusSeconds(12), T.plusSeconds(200), "ANSWERED",
                12, 188, "SIP/201", CallSubject.COMPLAINT, "FIBER_100", "Newark", Sex.F, 34, 2, CallSubject.OTHER, "+18005550101",
                java.util.Map.of(CallSubject.JOINING, 0.125, CallSubject.COMPLAINT, 0.25, CallSubject.DISCONNECTION, 0.125, CallSubject.OTHER, 0.5));
        CompletedCall abandoned = new CompletedCall("c2", "sales", null, T, null, T.plusSeconds(45), "ABANDONED",
                45, null, null, null, null, null, null, null, 0, null);
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(dialect, dir); Database db = store.open()) {
            StoreFixtures.write(db, callRows(), 0, List.of(answered, abandoned));
            StoreFixtures.write(db, callRows(), 0, List.of(answered, abandoned)); // a replay
            try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT call_id, outcome, wait_sec, talk_sec, subject, sex, age, calls_last_30d, answered_at IS NULL, city, dialled_number, "
                            + "predicted_subject, predicted_probs FROM call ORDER BY call_id")) {
                List<List<Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getObject(3), rs.getObject(4), rs.getString(5),
                            rs.getString(6), rs.getObject(7), rs.getObject(8), rs.getBoolean(9), rs.getString(10), rs.getString(11),
                            rs.getString(12), rs.getString(13)));
                }
                assertThat(rows).containsExactly(
                        java.util.Arrays.asList("c1", "ANSWERED", 12, 188, "COMPLAINT", "F", 34, 2, false, "Newark", "+18005550101", "OTHER",
                                "{\"JOINING\":0.125,\"COMPLAINT\":0.25,\"DISCONNECTION\":0.125,\"OTHER\":0.5}"),
                        java.util.Arrays.asList("c2", "ABANDONED", 45, null, null, null, null, 0, true, null, null, null, null));
            }
        }
    }
}
