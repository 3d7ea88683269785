package dev.switchboard.callcenter.simulate;

import dev.switchboard.callcenter.CallEvent;
import dev.switchboard.callcenter.CallEventType;
import dev.switchboard.callcenter.Caller;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Shared callers, instants and helpers for the call-simulator tests. */
final class CallCenterFixtures {
    static final ZoneId UTC = ZoneOffset.UTC;
    /** A Monday, midnight UTC. */
    static final Instant MONDAY = Instant.parse("2025-01-06T00:00:00Z");
    static final List<Caller> CALLERS = Callers.synthetic(2_000, 11, "US");

    private CallCenterFixtures() {}

    static CallSimulation simulation(CallCenterConfig config) {
        return new CallSimulation(config, CALLERS, SubjectModel.standard());
    }

    /** Around-the-clock flat traffic, so that queueing depends on staffing only. */
    static CallCenterConfig flat(double callsPerHour, int agentsPerQueue, long seed) {
        return CallCenterConfig.defaults(UTC, seed).withTraffic(callsPerHour, IntradayProfile.FLAT)
                .withAgentsAroundTheClock(agentsPerQueue);
    }

    /** Events by call id, in order of first appearance. */
    static Map<String, List<CallEvent>> byCall(List<CallEvent> events) {
        return events.stream().collect(Collectors.groupingBy(CallEvent::callId, LinkedHashMap::new, Collectors.toList()));
    }

    static List<CallEvent> only(List<CallEvent> events, CallEventType type) {
        return events.stream().filter(e -> e.event() == type).toList();
    }
}
