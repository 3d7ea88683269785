package dev.switchboard.ivr;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.mediation.Mediated;
import dev.switchboard.mediation.RawRecord;
import dev.switchboard.mediation.Reason;
import dev.switchboard.platform.Json;
import java.time.Instant;
import java.util.List;

/** A valid ivr-json session to start from, and helpers to mediate variants of it. */
final class IvrFixtures {
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
}
