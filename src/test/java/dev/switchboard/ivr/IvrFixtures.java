package dev.switchboard.ivr;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.mediation.Mediated;
import dev.switchboard.mediation.RawRecord;
import dev.switchboard.mediation.Reason;
import dev.switchboard.platform.Json;
import dev.switchboard.store.Database;
import dev.switchboard.store.TableMapping;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** A valid ivr-json session to start from, helpers to mediate variants of it, and the hand-worked KPI fixture. */
public final class IvrFixtures {
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final IvrMediator MEDIATOR = new IvrMediator();

    private IvrFixtures() {}

    /** Session s-1 of customer c-1: 2026-03-02 10:00:00 to 10:02:00 (120 s), Resolved, two turns. */
    static ObjectNode session() {
        ObjectNode s = Json.MAPPER.createObjectNode();
        s.put("session_id", "s-1");
        s.put("customer_id", "c-1");
        s.put("call_start_time", "2026-03-02T10:00:00Z");
        s.put("call_end_time", "2026-03-02T10:02:00Z");
        s.put("call_duration_sec", 120);
        s.put("initial_intent", "payment_issue");
        s.put("resolution_status", "Resolved");
        s.put("escalation_flag", "N");
        s.put("customer_sentiment", "Positive");
        s.put("system_error_flag", "N");
        s.put("ivr_outcome_code", "RES_BOT");
        s.put("topic_type", "Billing");
        s.put("topic_name", "Payment Issue");
        ArrayNode turns = s.putArray("turns");
        turns.add(turn(1, "2026-03-02T10:00:05Z", "Customer", "My payment failed", "payment_issue", 0.91));
        turns.add(turn(2, "2026-03-02T10:00:09Z", "Chatbot", "I can help with that", null, null));
        return s;
    }

    static ObjectNode turn(int n, String time, String speaker, String text, String intent, Double confidence) {
        ObjectNode t = Json.MAPPER.createObjectNode();
        t.put("turn_number", n);
        t.put("timestamp", time);
        t.put("speaker", speaker);
        t.put("text", text);
        if (intent != null) t.put("intent_name", intent);
        if (confidence != null) t.put("confidence_score", confidence);
        return t;
    }

    static RawRecord raw(String payload) {
        return new RawRecord("test", IvrMediator.FORMAT, Instant.parse("2026-03-03T00:00:00Z"), payload);
    }

    static Mediated<IvrSession> mediate(ObjectNode session) {
        return MEDIATOR.mediate(raw(session.toString()));
    }

    static IvrSession clean(Mediated<IvrSession> m) {
        if (m instanceof Mediated.Clean<IvrSession> c) return c.value();
        throw new AssertionError("rejected: " + ((Mediated.Rejected<IvrSession>) m).reasons());
    }

    static List<String> reasons(Mediated<IvrSession> m) {
        if (m instanceof Mediated.Rejected<IvrSession> r) return r.reasons().stream().map(Reason::toString).toList();
        throw new AssertionError("not rejected: " + m);
    }


    public static IvrSession session(String id, String customer, String start, String type, String topic, IvrStatus status, int sec, String sentiment) {
        Instant t0 = Instant.parse(start);
        return new IvrSession(id, customer, t0, t0.plusSeconds(sec), sec, null, status, status == IvrStatus.ESCALATED ? "Y" : "N",
                sentiment, "N", null, type, topic, List.of(), "fixture");
    }

    /**
     * {@link #FIXTURE}: six IVR sessions whose figures are worked out by hand, in Europe/Paris (s3 starts on 31 January in
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
