package dev.switchboard.callcenter.simulate;

import dev.switchboard.callcenter.CallEvent;
import dev.switchboard.callcenter.CallEventType;
import dev.switchboard.callcenter.CallSubject;
import dev.switchboard.callcenter.Caller;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * One run of {@link CallSimulation}: an agenda of pending happenings in simulated time (milliseconds),
 * processed in time order, each emitting the call events it causes. Not thread-safe.
 */
final class SimulationRun implements Iterator<CallEvent> {
    private static final long DAY_MS = Duration.ofDays(1).toMillis();
    private static final long MONTH_MS = Duration.ofDays(30).toMillis();
    private static final int RECENT_CALLERS = 1_000;

    private record Pending(long at, long seq, Runnable action) {}

    private static final class Agent {
        final String id;
        final Line line;
        boolean onShift;
        boolean busy;

        Agent(String id, Line line) {
            this.id = id;
            this.line = line;
        }
    }

    /** A queue's FIFO of waiting calls and its idle agents, longest idle first. */
    private static final class Line {
        final String name;
        /** The number callers dial for this queue (the queue is drawn independently of the subject, so it tells nothing of it). */
        final String hotline;
        final ArrayDeque<Call> waiting = new ArrayDeque<>();
        final ArrayDeque<Agent> idle = new ArrayDeque<>();
        int agentCount;

        Line(String name, String hotline) {
            this.name = name;
            this.hotline = hotline;
        }
    }

    /** Fictional toll-free numbers, one per queue in the configuration's order: +1 800 555 0100, 0101, … */
    static String hotline(int queueIndex) {
        return String.format("+1800555%04d", 100 + queueIndex);
    }

    private static final class Call {
        final String id;
        final Caller caller;
        final Line line;
        final long queuedAt;
        final long patienceMs;
        final int talkSec;
        final CallSubject subject;
        final String product;
        boolean done; // answered or abandoned

        Call(String id, Caller caller, Line line, long queuedAt, long patienceMs, int talkSec, CallSubject subject, String product) {
            this.id = id;
            this.caller = caller;
            this.line = line;
            this.queuedAt = queuedAt;
            this.patienceMs = patienceMs;
            this.talkSec = talkSec;
            this.subject = subject;
            this.product = product;
        }
    }

    private final CallCenterConfig config;
    private final List<Caller> callers;
    private final SubjectModel model;
    private final ZoneId zone;
    private final UniformRandomProvider rng;
    private final Seconds.Sampler handling;
    private final Seconds.Sampler patience;
    private final PriorityQueue<Pending> agenda =
            new PriorityQueue<>(Comparator.comparingLong(Pending::at).thenComparingLong(Pending::seq));
    private final ArrayDeque<CallEvent> out = new ArrayDeque<>();
    private final Map<String, Line> lines = new LinkedHashMap<>();
    private final List<Line> lineList = new ArrayList<>();
    private final double[] shareCumulative;
    private final Map<String, ArrayDeque<Long>> history = new HashMap<>();
    private final Caller[] recent = new Caller[RECENT_CALLERS];
    private final double meanGapMs;
    private final String idPrefix;
    private long recentCount;
    private long seq;
    private long callSeq;
    private double candidateMs;

    SimulationRun(CallCenterConfig config, List<Caller> callers, SubjectModel model, Instant start) {
        this.config = config;
        this.callers = callers;
        this.model = model;
        this.zone = config.zone();
        this.rng = RandomSource.XO_RO_SHI_RO_128_PP.create(config.seed());
        this.handling = config.handling().sampler(rng);
        this.patience = config.patience().sampler(rng);
        this.meanGapMs = 3_600_000.0 / config.peakCallsPerHour();
        this.idPrefix = "c" + Long.toUnsignedString(config.seed(), 36) + "-" + Long.toString(start.getEpochSecond(), 36) + "-";
        shareCumulative = new double[config.queues().size()];
        double sum = 0;
        for (int i = 0; i < shareCumulative.length; i++) {
            QueueShare q = config.queues().get(i);
            Line line = new Line(q.name(), hotline(i));
            lines.put(q.name(), line);
            lineList.add(line);
            shareCumulative[i] = sum += q.share();
        }
        long t0 = start.toEpochMilli();
        LocalTime startTime = start.atZone(zone).toLocalTime();
        for (Shift shift : config.shifts()) {
            Line line = lines.get(shift.queue());
            List<Agent> agents = new ArrayList<>(shift.agents());
            for (int i = 0; i < shift.agents(); i++)
                agents.add(new Agent(String.format("%s-%02d", line.name, ++line.agentCount), line));
            boolean on = shift.covers(startTime);
            if (on) agents.forEach(a -> comeOn(a, t0));
            if (!shift.aroundTheClock()) scheduleShiftChange(shift, agents, !on, t0);
        }
        candidateMs = t0;
        scheduleNextArrival();
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public CallEvent next() {
        while (out.isEmpty()) agenda.poll().action().run();
        return out.poll();
    }

    private void schedule(long at, Runnable action) {
        agenda.add(new Pending(at, seq++, action));
    }

    /** Thinning: candidates at the peak rate, each kept with probability profile rate / peak rate. */
    private void scheduleNextArrival() {
        do candidateMs += -Math.log1p(-rng.nextDouble()) * meanGapMs;
        while (rng.nextDouble() >= config.profile().rate(local((long) candidateMs)));
        long at = Math.round(candidateMs);
        schedule(at, () -> arrive(at));
    }

    private void arrive(long t) {
        Caller caller = pickCaller();
        ArrayDeque<Long> past = history.computeIfAbsent(caller.number(), n -> new ArrayDeque<>());
        while (!past.isEmpty() && past.peekFirst() <= t - MONTH_MS) past.pollFirst();
        int callsLast30d = past.size();
        past.addLast(t);
        recent[(int) (recentCount++ % RECENT_CALLERS)] = caller;
        Line line = lineList.get(pickLine());
        CallSubject subject = model.sampleSubject(caller, callsLast30d, rng);
        String product = model.sampleProduct(subject, caller, rng);
        long patienceMs = Math.round(patience.sample() * 1000);
        int talkSec = (int) Math.max(1, Math.min(Math.round(handling.sample()), 4 * 3600));
        Call call = new Call(idPrefix + ++callSeq, caller, line, t, patienceMs, talkSec, subject, product);
        emit(call, CallEventType.QUEUED, t, null, null, false);
        Agent agent = line.idle.pollFirst();
        if (agent != null) answer(call, agent, t);
        else {
            line.waiting.addLast(call);
            schedule(t + patienceMs, () -> runOutOfPatience(call, t + patienceMs));
        }
        scheduleNextArrival();
    }

    private Caller pickCaller() {
        if (recentCount > 0 && rng.nextDouble() < config.repeatCallerShare())
            return recent[rng.nextInt((int) Math.min(recentCount, RECENT_CALLERS))];
        return callers.get(rng.nextInt(callers.size()));
    }

    private int pickLine() {
        double u = rng.nextDouble();
        for (int i = 0; i < shareCumulative.length - 1; i++) if (u < shareCumulative[i]) return i;
        return shareCumulative.length - 1;
    }

    private void answer(Call call, Agent agent, long t) {
        call.done = true;
        agent.busy = true;
        emit(call, CallEventType.ANSWERED, t, agent, null, false);
        long end = t + call.talkSec * 1000L;
        schedule(end, () -> {
            emit(call, CallEventType.ENDED, end, agent, call.talkSec, true);
            agent.busy = false;
            if (agent.onShift) takeNext(agent, end);
        });
    }

    private void runOutOfPatience(Call call, long t) {
        if (call.done) return;
        call.done = true;
        call.line.waiting.remove(call);
        emit(call, CallEventType.ABANDONED, t, null, null, false);
    }

    private void takeNext(Agent agent, long t) {
        Call next = agent.line.waiting.pollFirst();
        if (next != null) answer(next, agent, t);
        else agent.line.idle.addLast(agent);
    }

    private void comeOn(Agent agent, long t) {
        boolean wasOff = !agent.onShift;
        agent.onShift = true;
        if (wasOff && !agent.busy) takeNext(agent, t); // a busy agent takes the next call when this one ends
    }

    private void goOff(Agent agent) {
        agent.onShift = false;
        if (!agent.busy) agent.line.idle.remove(agent);
    }

    private void scheduleShiftChange(Shift shift, List<Agent> agents, boolean starting, long after) {
        long at = nextOccurrence(after, starting ? shift.start() : shift.end());
        schedule(at, () -> {
            for (Agent a : agents) {
                if (starting) comeOn(a, at);
                else goOff(a);
            }
            scheduleShiftChange(shift, agents, !starting, at);
        });
    }

    private long nextOccurrence(long afterMs, LocalTime time) {
        ZonedDateTime now = Instant.ofEpochMilli(afterMs).atZone(zone);
        for (int days = 0; ; days++) {
            long candidate = ZonedDateTime.of(now.toLocalDate().plusDays(days), time, zone).toInstant().toEpochMilli();
            if (candidate > afterMs) return candidate;
            if (days > 2) return afterMs + DAY_MS; // unreachable: a local time recurs every day
        }
    }

    private LocalDateTime local(long ms) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(ms), zone);
    }

    private void emit(Call call, CallEventType type, long t, Agent agent, Integer talkSec, boolean ended) {
        Integer waitSec = type == CallEventType.QUEUED ? null
                : type == CallEventType.ABANDONED ? (int) Math.round((t - call.queuedAt) / 1000.0)
                : (int) Math.round(((ended ? t - talkSec * 1000L : t) - call.queuedAt) / 1000.0);
        out.add(new CallEvent(call.id, type, Instant.ofEpochMilli(t), call.line.name, call.caller.number(),
                agent == null ? null : agent.id, waitSec, talkSec,
                ended ? call.subject : null, ended ? call.product : null, type == CallEventType.QUEUED ? call.line.hotline : null));
    }
}
