package dev.switchboard.staffing;

import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The staffing forecast of the coming hours: for each 30-minute interval in the zone, from the one now is in,
 * the measured inputs ({@link StaffingHistory}) put through Erlang C and Erlang A. Definitions in docs/STAFFING.md.
 */
public final class StaffingForecast {
    private final StaffingHistory history;
    private final ZoneId zone;
    private final InstantSource clock;

    public StaffingForecast(StaffingHistory history, ZoneId zone, InstantSource clock) {
        this.history = history;
        this.zone = zone;
        this.clock = clock;
    }

    /**
     * What is asked: {@code hours} ahead, one queue or all ({@code queue} null), the target, the past
     * {@code weeks} to average, and agents on shift given by the caller ({@code agents} null: measured).
     */
    public record Request(int hours, String queue, ServiceTarget target, int weeks, Integer agents) {
        public Request {
            if (hours < 1 || hours > 24) throw new IllegalArgumentException("hours must be from 1 to 24, got " + hours);
            if (weeks < 1 || weeks > 12) throw new IllegalArgumentException("weeks must be from 1 to 12, got " + weeks);
            if (agents != null && agents < 0) throw new IllegalArgumentException("agents must be >= 0, got " + agents);
        }
    }

    public record Forecast(Instant now, ZoneId zone, Request request, List<String> queues, Instant historyStart, List<IntervalForecast> intervals) {}

    public ZoneId zone() {
        return zone;
    }

    public Forecast forecast(Request request) {
        Instant now = clock.instant();
        Instant first = history.firstCall();
        List<Instant> starts = new ArrayList<>();
        for (int i = 0; i < request.hours() * 2; i++) starts.add(intervalStart(now).plusSeconds((long) IntervalHistory.INTERVAL_SEC * i));
        List<IntervalForecast> intervals = new ArrayList<>();
        for (IntervalHistory measured : history.measureAll(starts, request.queue(), request.weeks(), first)) intervals.add(interval(measured, request));
        return new Forecast(now, zone, request, history.queues(), first, intervals);
    }

    /** The start of the local half hour that {@code t} is in (local :00 or :30). */
    Instant intervalStart(Instant t) {
        ZonedDateTime local = t.atZone(zone);
        return local.truncatedTo(ChronoUnit.HOURS).plusMinutes(local.getMinute() < 30 ? 0 : 30).toInstant();
    }

    static IntervalForecast interval(IntervalHistory m, Request request) {
        Integer agents = request.agents() != null ? request.agents() : m.agentsSeen() == null ? null : (int) Math.round(m.agentsSeen());
        boolean measured = request.agents() == null;
        if (m.weeks() == 0) return new IntervalForecast(m, agents, measured, null, null, null, null, "no history of this weekday and time yet");
        if (m.queued() == 0) return new IntervalForecast(m, agents, measured, 0, 0, null, null, "no calls at this weekday and time: nothing to serve");
        if (m.ahtSec() == null) return new IntervalForecast(m, agents, measured, null, null, null, null, "no answered call to measure the handle time");
        Traffic traffic = Traffic.perInterval(m.callsPerInterval(), IntervalHistory.INTERVAL_SEC, m.ahtSec());
        double t = request.target().thresholdSec();
        int neededC = ErlangC.agentsNeeded(traffic, request.target());
        ErlangC.Outcome c = agents == null ? null : ErlangC.outcome(traffic, agents, t);
        Double patience = m.meanPatienceSec();
        if (patience == null) return new IntervalForecast(m, agents, measured, neededC, null, c, null, "no call waited: patience cannot be estimated");
        try {
            int neededA = ErlangA.agentsNeeded(traffic, patience, request.target());
            return new IntervalForecast(m, agents, measured, neededC, neededA, c, agents == null ? null : ErlangA.outcome(traffic, patience, agents, t), null);
        } catch (ErlangA.QueueTooLongException e) {
            return new IntervalForecast(m, agents, measured, neededC, null, c, null, e.getMessage());
        }
    }
}
