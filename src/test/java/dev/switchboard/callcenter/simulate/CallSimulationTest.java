package dev.switchboard.callcenter.simulate;

import static dev.switchboard.callcenter.simulate.CallCenterFixtures.MONDAY;
import static dev.switchboard.callcenter.simulate.CallCenterFixtures.byCall;
import static dev.switchboard.callcenter.simulate.CallCenterFixtures.flat;
import static dev.switchboard.callcenter.simulate.CallCenterFixtures.only;
import static dev.switchboard.callcenter.simulate.CallCenterFixtures.simulation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.callcenter.CallEvent;
import dev.switchboard.callcenter.CallEventType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CallSimulationTest {
    private static final Instant END_OF_TUESDAY = MONDAY.plus(Duration.ofDays(2));

    @Test
    void sameSeedGivesTheSameEventsAndAnotherSeedOthers() {
        CallSimulation a = simulation(CallCenterConfig.defaults(CallCenterFixtures.UTC, 5));
        List<CallEvent> first = a.stream(MONDAY).limit(5_000).toList();
        assertThat(simulation(CallCenterConfig.defaults(CallCenterFixtures.UTC, 5)).stream(MONDAY).limit(5_000).toList())
                .isEqualTo(first).isEqualTo(a.stream(MONDAY).limit(5_000).toList());
        assertThat(simulation(CallCenterConfig.defaults(CallCenterFixtures.UTC, 6)).stream(MONDAY).limit(5_000).toList())
                .isNotEqualTo(first);
    }

    @Test
    void eventsComeInTimeOrderAndEachCallIsQueuedThenAnsweredThenEndedOrQueuedThenAbandoned() {
        List<CallEvent> events = simulation(CallCenterConfig.defaults(CallCenterFixtures.UTC, 1)).run(MONDAY, END_OF_TUESDAY);
        assertThat(events).hasSizeGreaterThan(10_000);
        for (int i = 1; i < events.size(); i++) assertThat(events.get(i).time()).isAfterOrEqualTo(events.get(i - 1).time());
        int completed = 0;
        for (List<CallEvent> call : byCall(events).values()) {
            CallEvent queued = call.get(0);
            assertThat(queued.event()).isEqualTo(CallEventType.QUEUED);
            assertThat(queued.callerNumber()).isNotNull();
            // The queue's own toll-free number: sales, support, billing in the configuration's order.
            assertThat(queued.dialledNumber()).isEqualTo(switch (queued.queue()) {
                case "sales" -> "+18005550100";
                case "support" -> "+18005550101";
                default -> "+18005550102";
            });
            assertThat(call).allSatisfy(e -> {
                assertThat(e.queue()).isEqualTo(queued.queue());
                assertThat(e.callerNumber()).isEqualTo(queued.callerNumber());
            });
            List<CallEventType> types = call.stream().map(CallEvent::event).toList();
            if (call.size() == 1) continue; // still waiting at the end of the run
            if (types.equals(List.of(CallEventType.QUEUED, CallEventType.ABANDONED))) {
                assertThat(call.get(1).waitSec()).isEqualTo(seconds(queued.time(), call.get(1).time()));
                assertThat(call.get(1).agent()).isNull();
                completed++;
                continue;
            }
            assertThat(types).startsWith(CallEventType.QUEUED, CallEventType.ANSWERED);
            CallEvent answered = call.get(1);
            assertThat(answered.agent()).isNotNull();
            assertThat(answered.waitSec()).isEqualTo(seconds(queued.time(), answered.time()));
            if (call.size() == 2) continue; // still talking
            assertThat(types).containsExactly(CallEventType.QUEUED, CallEventType.ANSWERED, CallEventType.ENDED);
            CallEvent ended = call.get(2);
            assertThat(ended.agent()).isEqualTo(answered.agent());
            assertThat(ended.waitSec()).isEqualTo(answered.waitSec());
            assertThat(ended.talkSec()).isPositive().isEqualTo(seconds(answered.time(), ended.time()));
            assertThat(ended.subject()).isNotNull();
            assertThat(ended.product()).isIn(Products.ALL);
            completed++;
        }
        assertThat(completed).isGreaterThan(4_000);
    }

    @Test
    void callIdsAreUniquePerCall() {
        List<CallEvent> queued = only(simulation(CallCenterConfig.defaults(CallCenterFixtures.UTC, 1)).run(MONDAY, END_OF_TUESDAY),
                CallEventType.QUEUED);
        assertThat(queued.stream().map(CallEvent::callId).distinct().count()).isEqualTo(queued.size());
    }

    @Test
    void withTooFewAgentsCallersWaitAndHangUpWithManyTheyAreAnsweredAtOnce() {
        // 120 calls an hour of 4 min mean: 8 Erlangs, about 2.7 per queue.
        List<CallEvent> few = simulation(flat(120, 2, 3)).run(MONDAY, MONDAY.plus(Duration.ofDays(1)));
        List<CallEvent> many = simulation(flat(120, 15, 3)).run(MONDAY, MONDAY.plus(Duration.ofDays(1)));
        assertThat(abandonShare(few)).isGreaterThan(0.2);
        assertThat(meanWait(few)).isGreaterThan(60);
        assertThat(abandonShare(many)).isZero();
        assertThat(meanWait(many)).isLessThan(0.5);
    }

    @Test
    void theDefaultCenterQueuesAtItsBusyHoursButNotChaotically() {
        List<CallEvent> week = simulation(CallCenterConfig.defaults(CallCenterFixtures.UTC, 2)).run(MONDAY, MONDAY.plus(Duration.ofDays(5)));
        List<CallEvent> busy = week.stream().filter(e -> {
            int h = e.time().atZone(CallCenterFixtures.UTC).getHour();
            return h >= 9 && h < 12;
        }).toList();
        assertThat(abandonShare(busy)).isBetween(0.04, 0.16);
        assertThat(abandonShare(week)).isBetween(0.03, 0.12);
        assertThat(meanWait(busy)).isBetween(3.0, 60.0);
    }

    @Test
    void anAbandonedCallerWaitedExactlyTheirPatienceAndNoAnsweredOneWaitedLonger() {
        CallCenterConfig config = flat(150, 2, 4).withDurations(new Seconds.LogNormal(240, 180), new Seconds.Fixed(60));
        List<CallEvent> events = simulation(config).run(MONDAY, MONDAY.plus(Duration.ofHours(12)));
        Map<String, Instant> queuedAt = only(events, CallEventType.QUEUED).stream()
                .collect(Collectors.toMap(CallEvent::callId, CallEvent::time));
        List<CallEvent> abandoned = only(events, CallEventType.ABANDONED);
        assertThat(abandoned).hasSizeGreaterThan(100).allSatisfy(e -> {
            assertThat(e.waitSec()).isEqualTo(60);
            assertThat(Duration.between(queuedAt.get(e.callId()), e.time())).isEqualTo(Duration.ofSeconds(60));
        });
        assertThat(only(events, CallEventType.ANSWERED)).allSatisfy(e -> assertThat(e.waitSec()).isLessThanOrEqualTo(60));
    }

    @Test
    void anAgentNeverServesTwoCallsAtOnceAndEachQueueIsFirstInFirstOut() {
        List<CallEvent> events = simulation(CallCenterConfig.defaults(CallCenterFixtures.UTC, 8)).run(MONDAY, END_OF_TUESDAY);
        Map<String, Instant> queuedAt = new HashMap<>();
        Map<String, Instant> busyUntil = new HashMap<>();
        Map<String, Instant> lastAnsweredQueuedAt = new HashMap<>();
        for (CallEvent e : events) {
            switch (e.event()) {
                case QUEUED -> queuedAt.put(e.callId(), e.time());
                case ANSWERED -> {
                    Instant free = busyUntil.get(e.agent());
                    assertThat(free).as("agent %s still busy", e.agent()).isNull();
                    busyUntil.put(e.agent(), e.time());
                    Instant q = queuedAt.get(e.callId());
                    Instant previous = lastAnsweredQueuedAt.put(e.queue(), q);
                    if (previous != null) assertThat(q).as("FIFO in " + e.queue()).isAfterOrEqualTo(previous);
                }
                case ENDED -> assertThat(busyUntil.remove(e.agent())).isNotNull();
                default -> { }
            }
        }
    }

    @Test
    void agentsAnswerOnlyDuringTheirShift() {
        CallCenterConfig config = flat(60, 1, 9).withShifts(List.of(Shift.of("sales", "09:00", "17:00", 2),
                Shift.of("support", "22:00", "06:00", 2), Shift.of("billing", "00:00", "00:00", 1)));
        List<CallEvent> answered = only(simulation(config).run(MONDAY, END_OF_TUESDAY), CallEventType.ANSWERED);
        Map<String, List<LocalTime>> byQueue = answered.stream().collect(Collectors.groupingBy(CallEvent::queue,
                Collectors.mapping(e -> e.time().atZone(CallCenterFixtures.UTC).toLocalTime(), Collectors.toList())));
        assertThat(byQueue.get("sales")).isNotEmpty().allSatisfy(t -> assertThat(t).isBetween(LocalTime.of(9, 0), LocalTime.of(17, 0)));
        assertThat(byQueue.get("support")).isNotEmpty()
                .allSatisfy(t -> assertThat(t.isBefore(LocalTime.of(6, 0)) || !t.isBefore(LocalTime.of(22, 0))).isTrue());
        assertThat(new ArrayList<>(byQueue.get("billing")).stream().mapToInt(LocalTime::getHour).distinct().count()).isEqualTo(24);
        assertThat(answered.stream().map(CallEvent::agent).distinct())
                .containsExactlyInAnyOrder("sales-01", "sales-02", "support-01", "support-02", "billing-01");
    }

    static int seconds(Instant from, Instant to) {
        return (int) Math.round(Duration.between(from, to).toMillis() / 1000.0);
    }

    static double abandonShare(List<CallEvent> events) {
        long outcomes = events.stream().filter(e -> e.event() == CallEventType.ANSWERED || e.event() == CallEventType.ABANDONED).count();
        return (double) only(events, CallEventType.ABANDONED).size() / outcomes;
    }

    static double meanWait(List<CallEvent> events) {
        return events.stream().filter(e -> e.event() == CallEventType.ANSWERED || e.event() == CallEventType.ABANDONED)
                .mapToInt(CallEvent::waitSec).average().orElseThrow();
    }
}
