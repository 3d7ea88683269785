package dev.switchboard.generate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.platform.Json;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Generated JSON records sent as a live source would send them: each one when the clock reaches the time in
 * its field {@code dueField} (a contact record when Connect wrote it, an IVR session when it ended). Records
 * are drawn from the generator until their times are {@code horizon} past now (a record is written some time
 * after the ones drawn before it start), held, and sent in the order of their times; a record without a
 * readable time there (a malformed one) is sent when drawn.
 */
public final class TimedFeed {
    private record Held(Instant due, long order, String line) {}

    private final Iterator<String> generator;
    private final String dueField;
    private final Duration horizon;
    private final Clock clock;
    private final Consumer<String> send;
    private final PriorityQueue<Held> held = new PriorityQueue<>((a, b) -> a.due.equals(b.due) ? Long.compare(a.order, b.order) : a.due.compareTo(b.due));
    private Instant drawnUpTo = Instant.MIN;
    private long drawn, sent;

    public TimedFeed(Iterator<String> generator, String dueField, Duration horizon, Clock clock, Consumer<String> send) {
        this.generator = generator;
        this.dueField = dueField;
        this.horizon = horizon;
        this.clock = clock;
        this.send = send;
    }

    /** Sends every record due by now, in the order of their times; returns how many were sent. */
    public int tick() {
        Instant now = clock.instant();
        while (!drawnUpTo.isAfter(now.plus(horizon)) && generator.hasNext()) {
            String line = generator.next();
            Instant due = due(line, now);
            held.add(new Held(due, drawn++, line));
            if (due.isAfter(drawnUpTo)) drawnUpTo = due;
        }
        int n = 0;
        while (!held.isEmpty() && !held.peek().due.isAfter(now)) {
            send.accept(held.poll().line);
            n++;
        }
        sent += n;
        return n;
    }

    /** Records sent so far. */
    public long sent() {
        return sent;
    }

    private Instant due(String line, Instant now) {
        try {
            JsonNode t = Json.MAPPER.readTree(line).path(dueField);
            return t.isTextual() ? Instant.parse(t.asText()) : now;
        } catch (java.io.IOException | DateTimeException e) {
            return now;
        }
    }
}
