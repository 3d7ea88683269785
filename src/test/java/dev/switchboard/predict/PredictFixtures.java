package dev.switchboard.predict;

import dev.switchboard.callcenter.CallEvent;
import dev.switchboard.callcenter.CallEventType;
import dev.switchboard.callcenter.CallHistory;
import dev.switchboard.callcenter.Caller;
import dev.switchboard.callcenter.CompletedCall;
import dev.switchboard.callcenter.simulate.CallCenterConfig;
import dev.switchboard.callcenter.simulate.CallSimulation;
import dev.switchboard.callcenter.simulate.Callers;
import dev.switchboard.callcenter.simulate.SubjectModel;
import dev.switchboard.store.Database;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A simulated call history written straight into tables {@code call}, {@code customer_phone} and
 * {@code subscription}: the simulator's calls, completed and enriched as the stream does it (city, sex,
 * age of the caller; calls_last_30d counted over the caller's calls queued in the 30 days before). The
 * stream itself is tested elsewhere; this is the shortcut that lets a training test have 100,000 calls
 * in seconds. Callers are {@link Callers#synthetic}, stored as customers with products held since 2000.
 */
public final class PredictFixtures {
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    static final Instant START = Instant.parse("2025-01-06T00:00:00Z");
    private static final long MONTH_MS = Duration.ofDays(30).toMillis();

    private PredictFixtures() {}

    /** Simulates until {@code completed} calls are over (answered or abandoned) and stores them; returns the callers. */
    public static List<Caller> simulatedHistory(Database db, int callerCount, int completed, long seed) {
        List<Caller> callers = Callers.synthetic(callerCount, seed, "US");
        storeCustomers(db, callers);
        Map<String, Caller> byNumber = new HashMap<>();
        for (Caller c : callers) byNumber.put(c.number(), c);
        CallSimulation sim = new CallSimulation(CallCenterConfig.defaults(ZONE, seed), callers, SubjectModel.standard());
        Iterator<CallEvent> events = sim.events(START);
        Map<String, CallEvent> queued = new HashMap<>();
        Map<String, CallEvent> answered = new HashMap<>();
        Map<String, Integer> last30 = new HashMap<>();
        Map<String, ArrayDeque<Long>> past = new HashMap<>();
        List<CompletedCall> batch = new ArrayList<>();
        int done = 0;
        while (done < completed) {
            CallEvent e = events.next();
            switch (e.event()) {
                case QUEUED -> {
                    queued.put(e.callId(), e);
                    ArrayDeque<Long> times = past.computeIfAbsent(e.callerNumber(), n -> new ArrayDeque<>());
                    long t = e.time().toEpochMilli();
                    while (!times.isEmpty() && times.peekFirst() <= t - MONTH_MS) times.pollFirst();
                    last30.put(e.callId(), times.size());
                    times.addLast(t);
                }
                case ANSWERED -> answered.put(e.callId(), e);
                case ENDED, ABANDONED -> {
                    CallEvent q = queued.remove(e.callId());
                    CallEvent a = answered.remove(e.callId());
                    boolean ended = e.event() == CallEventType.ENDED;
                    CompletedCall call = new CompletedCall(e.callId(), q.queue(), q.callerNumber(), q.time(), a == null ? null : a.time(), e.time(),
                            ended ? "ANSWERED" : "ABANDONED", ended ? a.waitSec() : e.waitSec(), e.talkSec(), a == null ? null : a.agent(),
                            e.subject(), e.product(), null, null, null, null, null);
                    Caller caller = byNumber.get(q.callerNumber());
                    batch.add(call.enriched(caller, caller.age(), last30.remove(e.callId())));
                    done++;
                    if (batch.size() == 50_000) {
                        db.write(CallHistory.callRows(), batch);
                        batch.clear();
                    }
                }
            }
        }
        db.write(CallHistory.callRows(), batch);
        return callers;
    }

    static void storeCustomers(Database db, List<Caller> callers) {
        db.inTransaction("customers", c -> {
            try (PreparedStatement phone = c.prepareStatement("INSERT INTO customer_phone (number, customer_id) VALUES (?, ?)");
                 PreparedStatement sub = c.prepareStatement("INSERT INTO subscription (customer_id, product_code, since, until) VALUES (?, ?, ?, NULL)")) {
                long id = 0;
                for (Caller caller : callers) {
                    id++;
                    phone.setString(1, caller.number());
                    phone.setLong(2, id);
                    phone.addBatch();
                    for (String p : caller.products()) {
                        sub.setLong(1, id);
                        sub.setString(2, p);
                        sub.setDate(3, Date.valueOf(LocalDate.of(2000, 1, 1)));
                        sub.addBatch();
                    }
                }
                phone.executeBatch();
                sub.executeBatch();
            }
            return null;
        });
    }
}
