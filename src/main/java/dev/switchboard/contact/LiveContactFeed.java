package dev.switchboard.contact;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.platform.Json;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Contact records as Amazon Connect would deliver them now (for {@code demo}): each version of a contact is
 * sent when the clock reaches its LastUpdateTimestamp, the time Connect wrote it, so contacts arrive once
 * they have ended and their updates arrive later. The records come from a {@link ContactGenerator} started a
 * few minutes back, drawn up to {@link #HORIZON} ahead and held until due; a record without a readable
 * LastUpdateTimestamp (a malformed one) is sent when drawn.
 */
public final class LiveContactFeed {
    /**
     * How far past now records are drawn: a version is written some time after its contact starts (the talk,
     * a later update), so records are drawn until their times are this far ahead, then sent in time order.
     */
    static final Duration HORIZON = Duration.ofHours(2);

    private record Held(Instant due, long order, String line) {}

    private final ContactGenerator generator;
    private final Clock clock;
    private final Consumer<String> send;
    private final PriorityQueue<Held> held = new PriorityQueue<>((a, b) -> a.due.equals(b.due) ? Long.compare(a.order, b.order) : a.due.compareTo(b.due));
    private Instant drawnUpTo = Instant.MIN;
    private long drawn, sent;

    public LiveContactFeed(ContactGenerator generator, Clock clock, Consumer<String> send) {
        this.generator = generator;
        this.clock = clock;
        this.send = send;
    }

    /** A feed of generated contacts (transfers, updates and a few replays and malformed records), the first ones from {@code lead} ago. */
    public static LiveContactFeed startingNow(long seed, Duration lead, double errorRate, double duplicateRate, Clock clock, Consumer<String> send) {
        ContactGenerator g = new ContactGenerator(new ContactGenerator.Workload(Long.MAX_VALUE, seed, clock.instant().minus(lead), errorRate,
                duplicateRate, 0.08, 0.10, 0.15));
        return new LiveContactFeed(g, clock, send);
    }

    /** Sends every record due by now, in the order of their times; returns how many were sent. */
    public int tick() {
        Instant now = clock.instant();
        while (!drawnUpTo.isAfter(now.plus(HORIZON)) && generator.hasNext()) {
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

    private static Instant due(String line, Instant now) {
        try {
            JsonNode t = Json.MAPPER.readTree(line).path("LastUpdateTimestamp");
            return t.isTextual() ? Instant.parse(t.asText()) : now;
        } catch (java.io.IOException | DateTimeException e) {
            return now;
        }
    }
}
