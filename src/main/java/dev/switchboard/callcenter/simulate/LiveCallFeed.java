package dev.switchboard.callcenter.simulate;

import dev.switchboard.callcenter.CallEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Plays call events live: simulated time starts at the wall-clock start and runs {@code speed} times
 * faster, and each event is handed over once simulated time has reached it. Event times stay simulated
 * times, so with {@code speed > 1} they run ahead of the wall clock (after a real minute at speed 10,
 * events are stamped ten minutes after the start). Due events are handed over together, in order, as
 * one batch per wake-up; between batches the feed naps until the next event is due (at most
 * {@link #MAX_NAP}, so that {@link #close} takes effect soon). Clock and sleeper are injected.
 */
public final class LiveCallFeed implements AutoCloseable {
    /** The longest nap between two looks at the clock. */
    public static final Duration MAX_NAP = Duration.ofMillis(200);

    /** Waits for a duration; {@link #REAL} sleeps the thread, tests advance a fake clock instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;

        Sleeper REAL = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
    }

    private final Iterator<CallEvent> events;
    private final Instant start;
    private final double speed;
    private final InstantSource clock;
    private final Sleeper sleeper;
    private volatile boolean closed;
    private CallEvent next;

    /** Plays {@code events}, which must be in time order and begin at or after {@code start}, the wall-clock start. */
    public LiveCallFeed(Iterator<CallEvent> events, Instant start, double speed, InstantSource clock, Sleeper sleeper) {
        if (!(speed > 0 && Double.isFinite(speed))) throw new IllegalArgumentException("speed must be > 0: " + speed);
        this.events = Objects.requireNonNull(events, "events");
        this.start = Objects.requireNonNull(start, "start");
        this.speed = speed;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** A simulation started now (by {@code clock}), played at {@code speed} times real time. */
    public static LiveCallFeed of(CallSimulation simulation, double speed, InstantSource clock, Sleeper sleeper) {
        Instant now = clock.instant();
        return new LiveCallFeed(simulation.events(now), now, speed, clock, sleeper);
    }

    /** The simulated time at this wall-clock moment. */
    public Instant simulatedNow() {
        long wallNanos = Duration.between(start, clock.instant()).toNanos();
        return start.plusNanos((long) (wallNanos * speed));
    }

    /** Hands every event to {@code each} when due; returns when closed, interrupted or out of events. */
    public void run(Consumer<CallEvent> each) {
        runBatches(batch -> batch.forEach(each));
    }

    /** As {@link #run}, the events due at each wake-up in one list (for a producer or a batch POST). */
    public void runBatches(Consumer<List<CallEvent>> batches) {
        try {
            while (!closed && !Thread.currentThread().isInterrupted()) {
                Instant now = simulatedNow();
                List<CallEvent> due = new ArrayList<>();
                while (true) {
                    if (next == null) {
                        if (!events.hasNext()) break;
                        next = events.next();
                    }
                    if (next.time().isAfter(now)) break;
                    due.add(next);
                    next = null;
                }
                if (!due.isEmpty()) batches.accept(due);
                if (next == null) return; // no more events
                if (closed) return;
                sleeper.sleep(napUntil(next.time()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops {@link #run} at its next wake-up (or at once, from inside the consumer). */
    @Override
    public void close() {
        closed = true;
    }

    private Duration napUntil(Instant simulated) {
        long wallDue = (long) Math.ceil(Duration.between(start, simulated).toNanos() / speed);
        long wait = wallDue - Duration.between(start, clock.instant()).toNanos();
        return Duration.ofNanos(Math.max(1_000_000, Math.min(wait, MAX_NAP.toNanos())));
    }
}
