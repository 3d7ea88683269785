package dev.switchboard.callcenter.live;

import dev.switchboard.callcenter.CallSubject;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Answers the call-center questions from the live metrics' stores. Read-only; safe from any thread. */
public final class CallCenterView {
    private final StoreLookup stores;
    private final MetricsRules rules;
    private final DayGrid grid;
    private final InstantSource clock;

    public CallCenterView(StoreLookup stores, MetricsRules rules, InstantSource clock) {
        this.stores = stores;
        this.rules = rules;
        this.grid = rules.grid();
        this.clock = clock;
    }

    /** The later of the wall clock and the latest event time (a simulation may run ahead of the clock). */
    public Instant now() {
        Long streamTime = this.<Long>store(MetricsStores.CLOCK).get(MetricsStores.STREAM_TIME);
        Instant wall = clock.instant();
        return streamTime != null && streamTime > wall.toEpochMilli() ? Instant.ofEpochMilli(streamTime) : wall;
    }

    public LocalDate today() {
        return grid.dateOf(now());
    }

    public LiveSnapshot live() {
        Instant now = now();
        LocalDate date = grid.dateOf(now);
        DayHeader day = header(date);
        Tally total = total(date);
        return new LiveSnapshot(now, date, rules.zone().getId(), day.baseline(), waitingNow(now), trailing(now, day.baseline()),
                total, Kpis.of(total, day.thresholds(), List.of(ServiceLevel.values())));
    }

    public List<BucketRow> buckets(LocalDate date, List<ServiceLevel> definitions) {
        DayHeader day = header(date);
        Map<Integer, Tally> tallies = tallies(date);
        Instant now = now();
        int last = date.isAfter(grid.dateOf(now)) ? -1 : date.equals(grid.dateOf(now)) ? grid.bucketOf(now) : grid.buckets(date) - 1;
        long waiting = day.carriedIn() + waitingQueuedBefore(day.baseline());
        List<BucketRow> rows = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            Tally t = tallies.getOrDefault(i, Tally.ZERO);
            Instant end = grid.bucketEnd(date, i);
            boolean counted = end.isAfter(day.baseline());
            if (counted) waiting += t.offered() - t.left();
            rows.add(new BucketRow(i, grid.label(date, i), grid.bucketStart(date, i), end, t.offered(), t.answered(), t.abandoned(),
                    counted ? waiting : null, t.maxWaitSec(), Ratio.of(t.answeredWaitSec(), t.answered()),
                    Kpis.of(t, day.thresholds(), definitions)));
        }
        return rows;
    }

    public DaySummary summary(LocalDate date) {
        DayHeader day = header(date);
        Tally t = total(date);
        long joining = day.subjectCount(CallSubject.JOINING.name());
        long complaint = day.subjectCount(CallSubject.COMPLAINT.name());
        long disconnection = day.subjectCount(CallSubject.DISCONNECTION.name());
        long other = day.subjectCount(CallSubject.OTHER.name());
        long unclassified = day.subjectCount(DayHeader.UNCLASSIFIED);
        return new DaySummary(date, day.baseline(), joining, complaint, disconnection, other, unclassified,
                joining + complaint + disconnection + other + unclassified, t.offered(), t.answered(), t.abandoned());
    }

    public Kpis kpis(LocalDate date, List<ServiceLevel> definitions) {
        return Kpis.of(total(date), header(date).thresholds(), definitions);
    }

    public Instant since(LocalDate date) {
        return header(date).baseline();
    }

    private LiveSnapshot.WaitingNow waitingNow(Instant now) {
        Map<String, Long> byQueue = new TreeMap<>();
        Map<String, Long> bySubject = new TreeMap<>();
        List<LiveSnapshot.WaitingCall> calls = new ArrayList<>();
        long total = 0;
        Instant oldest = null;
        try (KeyValueIterator<String, Waiting> it = this.<Waiting>store(MetricsStores.WAITING).all()) {
            while (it.hasNext()) {
                var kv = it.next();
                Waiting w = kv.value;
                total++;
                byQueue.merge(w.queue(), 1L, Long::sum);
                if (w.predictedSubject() != null) bySubject.merge(w.predictedSubject().name(), 1L, Long::sum);
                if (oldest == null || w.queuedAt().isBefore(oldest)) oldest = w.queuedAt();
                calls.add(new LiveSnapshot.WaitingCall(kv.key, w.queue(), w.queuedAt(), Math.max(0, now.getEpochSecond() - w.queuedAt().getEpochSecond()),
                        w.predictedSubject() == null ? null : w.predictedSubject().name(), w.confidence()));
            }
        }
        calls.sort(java.util.Comparator.comparing(LiveSnapshot.WaitingCall::queuedAt).thenComparing(LiveSnapshot.WaitingCall::callId));
        Long oldestWait = oldest == null ? null : Math.max(0, now.getEpochSecond() - oldest.getEpochSecond());
        return new LiveSnapshot.WaitingNow(total, byQueue, oldestWait, bySubject,
                List.copyOf(calls.subList(0, Math.min(calls.size(), LiveSnapshot.WaitingNow.LISTED))));
    }

    /**
     * Leaves in the whole seconds after {@code now − window} up to now's second; never reaching back past
     * {@code since}'s second. The window thus slides second by second.
     */
    private LiveSnapshot.Trailing trailing(Instant now, Instant since) {
        long last = now.getEpochSecond();
        long first = Math.max(last - rules.trailing().toSeconds() + 1, since.getEpochSecond());
        long answered = 0, abandoned = 0, answeredWait = 0, abandonedWait = 0;
        ReadOnlyKeyValueStore<String, RecentLeave> recent = store(MetricsStores.RECENT);
        String to = MetricsStores.recentKey(last);
        try (KeyValueIterator<String, RecentLeave> it = recent.range(MetricsStores.recentKey(first), to)) {
            while (it.hasNext()) {
                var kv = it.next();
                if (kv.key.compareTo(to) > 0) continue;
                answered += kv.value.answered();
                answeredWait += kv.value.answeredWaitSec();
                abandoned += kv.value.abandoned();
                abandonedWait += kv.value.abandonedWaitSec();
            }
        }
        return new LiveSnapshot.Trailing(rules.trailing().toSeconds(), Instant.ofEpochSecond(first), answered, Ratio.of(answeredWait, answered),
                abandoned, Ratio.of(abandonedWait, abandoned));
    }

    private long waitingQueuedBefore(Instant baseline) {
        long n = 0;
        try (KeyValueIterator<String, Waiting> it = this.<Waiting>store(MetricsStores.WAITING).all()) {
            while (it.hasNext()) if (it.next().value.queuedAt().isBefore(baseline)) n++;
        }
        return n;
    }

    private Tally total(LocalDate date) {
        return tallies(date).values().stream().reduce(Tally.ZERO, Tally::plus);
    }

    private Map<Integer, Tally> tallies(LocalDate date) {
        Map<Integer, Tally> byBucket = new TreeMap<>();
        String to = MetricsStores.bucketRangeTo(date);
        try (KeyValueIterator<String, Tally> it = this.<Tally>store(MetricsStores.BUCKETS).range(MetricsStores.bucketRangeFrom(date), to)) {
            while (it.hasNext()) {
                var kv = it.next();
                byBucket.put(Integer.parseInt(kv.key.substring(kv.key.indexOf('|') + 1)), kv.value);
            }
        }
        return byBucket;
    }

    private DayHeader header(LocalDate date) {
        DayHeader stored = this.<DayHeader>store(MetricsStores.DAYS).get(MetricsStores.dayKey(date));
        return stored != null ? stored : DayHeader.fresh(date, grid.start(date), rules.thresholds());
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        return stores.store(name);
    }
}
