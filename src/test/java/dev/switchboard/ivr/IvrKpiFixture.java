package dev.switchboard.ivr;

import dev.switchboard.store.Database;
import dev.switchboard.store.TableMapping;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Six IVR sessions whose figures are worked out by hand, in Europe/Paris (s3 starts on 31 January in
 * UTC but on 1 February there): 4 customers, 6 sessions, 4 resolved, 1 escalated, 1 abandoned, 640 s.
 *
 * <pre>
 * id customer start (UTC)          topic          status     sec sentiment
 * s1 c1       2026-01-10 10:00     Payment Issue  Resolved   100 Positive
 * s2 c1       2026-01-20 10:00     Payment Issue  Escalated  300 Negative
 * s3 c2       2026-01-31 23:30     Modem Setup    Resolved    60 Neutral    (Feb in Paris)
 * s4 c3       2026-02-10 10:00     Modem Setup    Abandoned   20 Negative
 * s5 c3       2026-02-11 10:00     Payment Issue  Resolved   120 Positive
 * s6 c4       2026-03-05 10:00     Password Reset Resolved    40 (none)
 * </pre>
 */
public final class IvrKpiFixture {
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private IvrKpiFixture() {}

    public static IvrSession session(String id, String customer, String start, String type, String topic, IvrStatus status, int sec, String sentiment) {
        Instant t0 = Instant.parse(start);
        return new IvrSession(id, customer, t0, t0.plusSeconds(sec), sec, null, status, status == IvrStatus.ESCALATED ? "Y" : "N",
                sentiment, "N", null, type, topic, List.of(), "fixture");
    }

    public static final List<IvrSession> FIXTURE = List.of(
            session("s1", "c1", "2026-01-10T10:00:00Z", "Billing", "Payment Issue", IvrStatus.RESOLVED, 100, "Positive"),
            session("s2", "c1", "2026-01-20T10:00:00Z", "Billing", "Payment Issue", IvrStatus.ESCALATED, 300, "Negative"),
            session("s3", "c2", "2026-01-31T23:30:00Z", "TechSupport", "Modem Setup", IvrStatus.RESOLVED, 60, "Neutral"),
            session("s4", "c3", "2026-02-10T10:00:00Z", "TechSupport", "Modem Setup", IvrStatus.ABANDONED, 20, "Negative"),
            session("s5", "c3", "2026-02-11T10:00:00Z", "Billing", "Payment Issue", IvrStatus.RESOLVED, 120, "Positive"),
            session("s6", "c4", "2026-03-05T10:00:00Z", "Account", "Password Reset", IvrStatus.RESOLVED, 40, null));

    @SuppressWarnings("unchecked")
    public static void store(Database db, List<IvrSession> sessions) {
        db.write((TableMapping<IvrSession>) IvrHistory.routes().get(0).mapping(), sessions);
    }

    @SuppressWarnings("unchecked")
    public static void storeTurns(Database db, List<IvrSession> sessions) {
        db.write((TableMapping<IvrSession>) IvrHistory.routes().get(1).mapping(), sessions);
    }
}
