package dev.switchboard.callcenter;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.switchboard.mediation.Mediated;
import dev.switchboard.mediation.RawRecord;
import dev.switchboard.mediation.Reason;
import dev.switchboard.platform.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared test data for call-center mediation: valid events of each type and helpers to spoil them. */
public final class CallFixtures {
    public static final Instant RECEIVED = Instant.parse("2026-03-01T12:00:00Z");
    static final String TIME = "2026-03-01T10:15:30Z";
    /** Marks a field to leave out of a JSON record. */
    static final Object ABSENT = new Object();

    private static final CallMediator MEDIATOR = new CallMediator("US");

    private CallFixtures() {}

    public static CallMediator mediator() {
        return MEDIATOR;
    }

    public static RawRecord raw(String format, String payload) {
        return new RawRecord("test", format, RECEIVED, payload);
    }

    public static Mediated<CallEvent> mediate(String format, String payload) {
        return MEDIATOR.mediate(raw(format, payload));
    }

    /** The fields of a valid event of the given type, as a sender would write them. */
    static Map<String, Object> fields(CallEventType type) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("call_id", "q-1");
        fields.put("event", type.name());
        fields.put("time", TIME);
        fields.put("queue", "support");
        fields.put("caller_number", "(201) 555-0123");
        if (type != CallEventType.QUEUED && type != CallEventType.ABANDONED) fields.put("agent", "SIP/201");
        if (type != CallEventType.QUEUED) fields.put("wait_sec", 12);
        if (type == CallEventType.ENDED) {
            fields.put("talk_sec", 95);
            fields.put("subject", "COMPLAINT");
            fields.put("product", "fiber-100");
        }
        return fields;
    }

    /** The clean event {@link #fields} stands for. */
    static CallEvent event(CallEventType type) {
        boolean ended = type == CallEventType.ENDED;
        return new CallEvent("q-1", type, Instant.parse(TIME), "support", "+12015550123",
                type == CallEventType.QUEUED || type == CallEventType.ABANDONED ? null : "SIP/201",
                type == CallEventType.QUEUED ? null : 12, ended ? 95 : null,
                ended ? CallSubject.COMPLAINT : null, ended ? "fiber-100" : null);
    }

    /** A valid event in call-json with some fields replaced: name, value pairs; ABSENT removes. */
    static String json(CallEventType type, Object... overrides) {
        Map<String, Object> fields = fields(type);
        for (int i = 0; i < overrides.length; i += 2) {
            String name = (String) overrides[i];
            if (overrides[i + 1] == ABSENT) fields.remove(name);
            else fields.put(name, overrides[i + 1]);
        }
        try {
            return Json.MAPPER.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Mediated<CallEvent> mediateJson(CallEventType type, Object... overrides) {
        return mediate("call-json", json(type, overrides));
    }

    public static List<Reason> reasons(Mediated<CallEvent> mediated) {
        if (mediated instanceof Mediated.Rejected<CallEvent> rejected) return rejected.reasons();
        throw new AssertionError("expected a rejection, got " + mediated);
    }

    public static CallEvent clean(Mediated<CallEvent> mediated) {
        if (mediated instanceof Mediated.Clean<CallEvent> clean) return clean.value();
        throw new AssertionError("expected a clean event, got " + mediated);
    }

    static Reason reason(CallReason code, String field) {
        return Reason.of(code, field);
    }
}
