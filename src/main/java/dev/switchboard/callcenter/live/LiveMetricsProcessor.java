package dev.switchboard.callcenter.live;

import dev.switchboard.callcenter.CallEvent;
import dev.switchboard.callcenter.CallEventType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the live call-center metrics in state stores, in event time. Runs as a single task (all input
 * on one partition) so that "waiting now" and the day's totals are whole. Each event is counted once,
 * in the local day and bucket where it happened; repeats are ignored and an answer or abandon that
 * comes before its QUEUED event implies the queueing (its time minus the wait). A reset starts the
 * day's counting again at the later of its request time and the latest event time.
 */
public final class LiveMetricsProcessor implements Processor<String, MetricsInput, Void, Void> {
    private static final Duration HOUSEKEEPING = Duration.ofSeconds(30);
    private final MetricsRules rules;
    private final DayGrid grid;
    private KeyValueStore<String, CallTrack> calls;
    private KeyValueStore<String, Waiting> waiting;
    private KeyValueStore<String, DayHeader> days;
    private KeyValueStore<String, Tally> buckets;
    private KeyValueStore<String, RecentLeave> recent;
    private KeyValueStore<String, Long> clock;
    private long streamTime = Long.MIN_VALUE;
    /** The days last read or written, deserialized; this processor is the only writer of their store. */
    private final java.util.Map<LocalDate, DayHeader> recentDays = new java.util.HashMap<>();
    private ProcessorContext<Void, Void> context;

    public LiveMetricsProcessor(MetricsRules rules) {
        this.rules = rules;
        this.grid = rules.grid();
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        calls = context.getStateStore(MetricsStores.CALLS);
        waiting = context.getStateStore(MetricsStores.WAITING);
        days = context.getStateStore(MetricsStores.DAYS);
        buckets = context.getStateStore(MetricsStores.BUCKETS);
        recent = context.getStateStore(MetricsStores.RECENT);
        clock = context.getStateStore(MetricsStores.CLOCK);
        Long stored = clock.get(MetricsStores.STREAM_TIME);
        if (stored != null) streamTime = stored;
        context.schedule(HOUSEKEEPING, PunctuationType.WALL_CLOCK_TIME, this::housekeeping);
    }

    @Override
    public void process(Record<String, MetricsInput> record) {
        MetricsInput in = record.value();
        if (in == null) return;
        if (in.resetAt() != null) {
            reset(in.resetAt());
            return;
        }
        if (in.prediction() != null) {
            // Only a call still waiting shows its prediction; one already answered or not yet seen has no use for it.
            Waiting w = waiting.get(in.prediction().callId());
            if (w != null) waiting.put(in.prediction().callId(), w.predicted(in.prediction().subject(), in.prediction().confidence()));
            return;
        }
        CallEvent e = in.call();
        advance(e.time());
        CallTrack track = calls.get(e.callId());
        CallTrack next = switch (e.event()) {
            case QUEUED -> queued(e, track);
            case ANSWERED, ABANDONED -> left(e, track);
            case ENDED -> ended(e, track);
        };
        if (next != null) calls.put(e.callId(), next);
    }

    private CallTrack queued(CallEvent e, CallTrack track) {
        if (track != null && track.queuedAt() == null) offer(e.time()); // only its end was seen, without a wait
        if (track != null) return track.queuedSeen() ? null : track.seenQueued(e.time());
        offer(e.time());
        waiting.put(e.callId(), new Waiting(e.queue(), e.time()));
        return new CallTrack(e.queue(), e.time(), true, null, null, false, e.time());
    }

    private CallTrack left(CallEvent e, CallTrack track) {
        if (track != null && !track.waiting()) return null; // a repeat, or the second of answer/abandon
        long wait = e.waitSec() != null ? e.waitSec() : track != null ? seconds(track.queuedAt(), e.time()) : 0;
        return leave(e.callId(), e.queue(), e.event(), e.time(), wait, track);
    }

    private CallTrack leave(String callId, String queue, CallEventType how, Instant at, long wait, CallTrack track) {
        Instant queuedAt;
        if (track == null) {
            queuedAt = at.minusSeconds(wait);
            offer(queuedAt);
            track = new CallTrack(queue, queuedAt, false, null, null, false, at);
        } else {
            queuedAt = track.queuedAt();
            waiting.delete(callId);
        }
        LocalDate date = grid.dateOf(at);
        DayHeader day = day(date);
        if (!at.isBefore(day.baseline())) {
            Thresholds th = day.thresholds();
            update(date, grid.bucketOf(at), t -> how == CallEventType.ANSWERED ? t.answer(wait, th) : t.abandon(wait, th));
            if (queuedAt.isBefore(day.baseline())) putDay(day.carryIn());
            String second = MetricsStores.recentKey(at.getEpochSecond());
            RecentLeave sofar = recent.get(second);
            recent.put(second, (sofar == null ? RecentLeave.NONE : sofar).plus(how == CallEventType.ANSWERED, wait));
        }
        return track.left(at, how.name(), at);
    }

    private CallTrack ended(CallEvent e, CallTrack track) {
        if (track != null && track.ended()) return null;
        long talk = e.talkSec() == null ? 0 : e.talkSec();
        if ((track == null || track.waiting()) && e.waitSec() != null) {
            // The answer was missed: the end says how long the call waited and talked.
            track = leave(e.callId(), e.queue(), CallEventType.ANSWERED, e.time().minusSeconds(talk), e.waitSec(), track);
        }
        LocalDate date = grid.dateOf(e.time());
        DayHeader day = day(date);
        if (!e.time().isBefore(day.baseline())) {
            update(date, grid.bucketOf(e.time()), t -> t.end(talk));
            putDay(day(date).subject(e.subject()));
        }
        CallTrack base = track != null ? track : new CallTrack(e.queue(), null, false, e.time(), CallEventType.ANSWERED.name(), false, e.time());
        return base.endedAt(e.time());
    }

    private void offer(Instant queuedAt) {
        LocalDate date = grid.dateOf(queuedAt);
        if (!queuedAt.isBefore(day(date).baseline())) update(date, grid.bucketOf(queuedAt), Tally::offer);
    }

    private void update(LocalDate date, int bucket, java.util.function.UnaryOperator<Tally> change) {
        String key = MetricsStores.bucketKey(date, bucket);
        Tally now = buckets.get(key);
        buckets.put(key, change.apply(now == null ? Tally.ZERO : now));
    }

    private DayHeader day(LocalDate date) {
        DayHeader known = recentDays.get(date);
        if (known != null) return known;
        DayHeader header = days.get(MetricsStores.dayKey(date));
        if (header == null) {
            header = DayHeader.fresh(date, grid.start(date), rules.thresholds());
            putDay(header);
        }
        if (recentDays.size() > 4) recentDays.clear();
        recentDays.put(date, header);
        return header;
    }

    private void putDay(DayHeader header) {
        days.put(MetricsStores.dayKey(header.date()), header);
        recentDays.put(header.date(), header);
    }

    private void reset(Instant requestedAt) {
        Instant at = streamTime == Long.MIN_VALUE || requestedAt.toEpochMilli() >= streamTime ? requestedAt : Instant.ofEpochMilli(streamTime);
        advance(at);
        LocalDate date = grid.dateOf(at);
        putDay(DayHeader.fresh(date, at, rules.thresholds()));
        deleteRange(buckets, MetricsStores.bucketRangeFrom(date), MetricsStores.bucketRangeTo(date));
        deleteRange(recent, MetricsStores.recentKey(0), MetricsStores.recentKey(at.getEpochSecond()));
    }

    private void advance(Instant t) {
        if (t.toEpochMilli() > streamTime) {
            streamTime = t.toEpochMilli();
            clock.put(MetricsStores.STREAM_TIME, streamTime);
        }
    }

    /** Expires calls waiting beyond the longest wait, and forgets what no query can need any more. */
    private void housekeeping(long wallMs) {
        if (streamTime == Long.MIN_VALUE) return;
        Instant now = Instant.ofEpochMilli(Math.max(streamTime, wallMs));
        expireWaiting(Instant.ofEpochMilli(streamTime));
        deleteRange(recent, MetricsStores.recentKey(0), MetricsStores.recentKey(now.minus(rules.trailing()).minusSeconds(60).getEpochSecond()));
        Instant forgetCalls = now.minus(Duration.ofDays(1)).minus(rules.maxWait());
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, CallTrack> it = calls.all()) {
            it.forEachRemaining(kv -> {
                if (!kv.value.waiting() && kv.value.touched().isBefore(forgetCalls)) old.add(kv.key);
            });
        }
        old.forEach(calls::delete);
        LocalDate oldestKept = grid.dateOf(now).minusDays(rules.retentionDays() - 1L);
        deleteRange(days, "0000", MetricsStores.dayKey(oldestKept));
        recentDays.keySet().removeIf(d -> d.isBefore(oldestKept));
        deleteRange(buckets, "0000", MetricsStores.bucketRangeFrom(oldestKept));
    }

    private void expireWaiting(Instant eventNow) {
        Instant cutoff = eventNow.minus(rules.maxWait());
        List<KeyValue<String, Waiting>> expired = new ArrayList<>();
        try (KeyValueIterator<String, Waiting> it = waiting.all()) {
            it.forEachRemaining(kv -> {
                if (kv.value.queuedAt().isBefore(cutoff)) expired.add(kv);
            });
        }
        for (KeyValue<String, Waiting> kv : expired) {
            waiting.delete(kv.key);
            Instant at = kv.value.queuedAt().plus(rules.maxWait());
            CallTrack track = calls.get(kv.key);
            if (track != null) calls.put(kv.key, track.left(at, "EXPIRED", at));
            LocalDate date = grid.dateOf(at);
            DayHeader day = day(date);
            if (!at.isBefore(day.baseline())) {
                update(date, grid.bucketOf(at), t -> t.expire(rules.maxWait().toSeconds()));
                if (kv.value.queuedAt().isBefore(day.baseline())) putDay(day.carryIn());
            }
        }
    }

    private static <V> void deleteRange(KeyValueStore<String, V> store, String from, String toExclusive) {
        if (from.compareTo(toExclusive) >= 0) return;
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, V> it = store.range(from, toExclusive)) {
            it.forEachRemaining(kv -> {
                if (kv.key.compareTo(toExclusive) < 0) keys.add(kv.key);
            });
        }
        keys.forEach(store::delete);
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }
}
