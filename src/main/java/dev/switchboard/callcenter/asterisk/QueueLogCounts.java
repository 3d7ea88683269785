package dev.switchboard.callcenter.asterisk;

import dev.switchboard.callcenter.CallEventType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@link QueueLogReader} made of one queue_log: every line is counted once, as mapped (per
 * queue_log event name), skipped (per event name; blank lines as {@value #BLANK}) or unusable.
 *
 * @param mapped lines that became an event, per queue_log event name
 * @param events the events emitted, per call event type
 * @param skipped lines of no interest to call metrics, per queue_log event name
 * @param unusable lines that could not be parsed or mapped, handed out verbatim
 */
public record QueueLogCounts(Map<String, Long> mapped, Map<CallEventType, Long> events, Map<String, Long> skipped, long unusable) {
    public static final String BLANK = "(blank)";

    public QueueLogCounts {
        mapped = Collections.unmodifiableMap(new TreeMap<>(mapped));
        events = events.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(events));
        skipped = Collections.unmodifiableMap(new TreeMap<>(skipped));
    }

    public long mappedTotal() {
        return mapped.values().stream().mapToLong(Long::longValue).sum();
    }

    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    public long lines() {
        return mappedTotal() + skippedTotal() + unusable;
    }

    public long events(CallEventType type) {
        return events.getOrDefault(type, 0L);
    }

    /** Counts as a file is read. */
    static final class Tally {
        private final Map<String, Long> mapped = new TreeMap<>();
        private final Map<CallEventType, Long> events = new EnumMap<>(CallEventType.class);
        private final Map<String, Long> skipped = new TreeMap<>();
        private long unusable;

        void mapped(String queueLogEvent, CallEventType type) {
            mapped.merge(queueLogEvent, 1L, Long::sum);
            events.merge(type, 1L, Long::sum);
        }

        void skipped(String queueLogEvent) {
            skipped.merge(queueLogEvent, 1L, Long::sum);
        }

        void unusable() {
            unusable++;
        }

        QueueLogCounts counts() {
            return new QueueLogCounts(mapped, events, skipped, unusable);
        }
    }
}
