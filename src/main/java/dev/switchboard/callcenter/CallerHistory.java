package dev.switchboard.callcenter;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.switchboard.platform.JsonSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * What the call center remembers of each caller, in the tasks keyed by caller number: when their completed
 * calls were queued (two months of them) and their latest {@value #RECENT_KEPT} calls. From it, the {@link Arrival} of a new call:
 * counts of earlier calls in 30 and 7 days and the previous call if it had ended, all strictly before the
 * call's own queueing, so a call processed late never counts itself or a later call.
 */
final class CallerHistory {
    static final String TIMES = "call-caller-history";
    static final String LAST = "call-caller-last";
    static final Duration MONTH = Duration.ofDays(30);
    static final Duration WEEK = Duration.ofDays(7);
    /** A number calling more often than this in two months (a test line, a robot) is counted up to it: the history stays small. */
    static final int MAX_KEPT = 1000;
    /** Recent calls kept per caller for the previous-call lookup: a bulk replay may complete a later call before an earlier one is scored. */
    static final int RECENT_KEPT = 8;
    private static final JsonSerde<List<Long>> TIMES_SERDE = JsonSerde.of(new TypeReference<List<Long>>() {});
    private static final JsonSerde<List<PreviousCall>> RECENT_SERDE = JsonSerde.of(new TypeReference<List<PreviousCall>>() {});

    private final KeyValueStore<String, List<Long>> times;
    private final KeyValueStore<String, List<PreviousCall>> last;
    private final CallerDirectory directory;

    CallerHistory(ProcessingContext context, CallerDirectory directory) {
        this.times = context.getStateStore(TIMES);
        this.last = context.getStateStore(LAST);
        this.directory = directory;
    }

    static List<StoreBuilder<?>> stores() {
        return List.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TIMES), Serdes.String(), TIMES_SERDE),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LAST), Serdes.String(), RECENT_SERDE));
    }

    /** What was known of the caller when the call was queued at {@code at}. */
    Arrival arrival(String callId, Instant at, String queue, String dialledNumber, String number) {
        if (number == null) return new Arrival(callId, at, queue, dialledNumber, null, 0, 0, null);
        int month = 0, week = 0;
        List<Long> known = times.get(number);
        if (known != null) {
            long now = at.toEpochMilli(), monthAgo = at.minus(MONTH).toEpochMilli(), weekAgo = at.minus(WEEK).toEpochMilli();
            for (long t : known) {
                if (t >= monthAgo && t < now) month++;
                if (t >= weekAgo && t < now) week++;
            }
        }
        // The caller's call queued last before this one, if it had ended by then (one still going on tells nothing yet).
        PreviousCall previous = null;
        List<PreviousCall> recent = last.get(number);
        if (recent != null) for (PreviousCall p : recent) if (p.queuedAt().isBefore(at)) previous = p;
        if (previous != null && previous.endedAt().isAfter(at)) previous = null;
        return new Arrival(callId, at, queue, dialledNumber, directory.byNumber(number).orElse(null), month, week, previous);
    }

    /** Remembers a completed call of the caller. */
    void add(CompletedCall call, Instant at) {
        String number = call.callerNumber();
        if (number == null) return;
        List<Long> known = times.get(number);
        List<Long> kept = new ArrayList<>();
        long keepFrom = at.minus(MONTH).minus(MONTH).toEpochMilli(); // a second month for late calls
        if (known != null) for (long t : known) if (t >= keepFrom) kept.add(t);
        kept.add(at.toEpochMilli());
        times.put(number, kept.size() > MAX_KEPT ? new ArrayList<>(kept.subList(kept.size() - MAX_KEPT, kept.size())) : kept);
        List<PreviousCall> recent = new ArrayList<>(Optional.ofNullable(last.get(number)).orElse(List.of()));
        recent.removeIf(p -> p.queuedAt().equals(at)); // a replay of the same call
        recent.add(new PreviousCall(at, call.endedAt(), call.outcome(), call.subject()));
        recent.sort(java.util.Comparator.comparing(PreviousCall::queuedAt));
        last.put(number, recent.size() > RECENT_KEPT ? new ArrayList<>(recent.subList(recent.size() - RECENT_KEPT, recent.size())) : recent);
    }

    CallerDirectory directory() {
        return directory;
    }
}
