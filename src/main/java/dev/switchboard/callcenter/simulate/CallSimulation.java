package dev.switchboard.callcenter.simulate;

import dev.switchboard.callcenter.CallEvent;
import dev.switchboard.callcenter.Caller;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A discrete-event simulation of a call center: calls arrive as a Poisson process whose rate follows
 * the intraday profile, wait first-in first-out in their queue for an agent of that queue who is on
 * shift, and either get answered (then talk for their handling time) or hang up when their patience
 * runs out. See docs/CALL-SIMULATOR.md for the model.
 *
 * <p>Each call to {@link #events} starts a fresh run from the config's seed: the same config, callers,
 * model and start give the same events, call ids included. The simulation starts empty (no one waiting,
 * no caller history), so the first 30 days under-count {@code calls in the last 30 days}.
 */
public final class CallSimulation {
    private final CallCenterConfig config;
    private final List<Caller> callers;
    private final SubjectModel model;

    public CallSimulation(CallCenterConfig config, List<Caller> callers, SubjectModel model) {
        this.config = Objects.requireNonNull(config, "config");
        this.callers = List.copyOf(callers);
        this.model = Objects.requireNonNull(model, "model");
        if (this.callers.isEmpty()) throw new IllegalArgumentException("a call center needs callers");
    }

    public CallCenterConfig config() {
        return config;
    }

    /** The endless stream of call events from {@code start} on, in time order (ties in causal order). */
    public Iterator<CallEvent> events(Instant start) {
        return new SimulationRun(config, callers, model, start);
    }

    /** {@link #events} as an ordered stream; use {@code limit(n)} or {@code takeWhile} to end it. */
    public Stream<CallEvent> stream(Instant start) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(events(start),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * The events with {@code start <= time < end}. Calls still in progress at {@code end} have their
     * first events only (a QUEUED without its outcome, an ANSWERED without its ENDED).
     */
    public List<CallEvent> run(Instant start, Instant end) {
        List<CallEvent> events = new ArrayList<>();
        for (Iterator<CallEvent> it = events(start); it.hasNext(); ) {
            CallEvent e = it.next();
            if (!e.time().isBefore(end)) break;
            events.add(e);
        }
        return events;
    }
}
