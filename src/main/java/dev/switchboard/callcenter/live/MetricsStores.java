package dev.switchboard.callcenter.live;

import dev.switchboard.platform.JsonSerde;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** Names, keys and builders of the live call-center metrics' state stores (all key-value, String keys). */
public final class MetricsStores {
    public static final String CALLS = "cc-calls";
    public static final String WAITING = "cc-waiting";
    public static final String DAYS = "cc-days";
    public static final String BUCKETS = "cc-buckets";
    public static final String RECENT = "cc-recent";
    public static final String CLOCK = "cc-clock";
    static final String STREAM_TIME = "stream-time";
    public static final List<String> ALL = List.of(CALLS, WAITING, DAYS, BUCKETS, RECENT, CLOCK);

    private MetricsStores() {}

    static List<StoreBuilder<?>> builders() {
        return List.of(
                kv(CALLS, JsonSerde.of(CallTrack.class)),
                kv(WAITING, JsonSerde.of(Waiting.class)),
                kv(DAYS, JsonSerde.of(DayHeader.class)),
                kv(BUCKETS, JsonSerde.of(Tally.class)),
                kv(RECENT, JsonSerde.of(RecentLeave.class)),
                kv(CLOCK, Serdes.Long()));
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> kv(String name, Serde<V> values) {
        // Cached: hot keys (today's buckets, the day, the clock) change with nearly every event, and the
        // cache sends each to the changelog once per commit instead of once per change.
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values).withCachingEnabled();
    }

    static String dayKey(LocalDate date) {
        return date.toString();
    }

    /** Bucket keys sort in time order within a day: {@code 2026-03-29|007}. */
    static String bucketKey(LocalDate date, int bucket) {
        return date + (bucket < 10 ? "|00" : bucket < 100 ? "|0" : "|") + bucket;
    }

    static String bucketRangeFrom(LocalDate date) {
        return date + "|";
    }

    static String bucketRangeTo(LocalDate date) {
        return date + "|~";
    }

    /** Recent-leave keys are whole epoch seconds, zero-padded to sort in time order. */
    static String recentKey(long epochSecond) {
        String digits = Long.toString(Math.max(0, epochSecond));
        return "0".repeat(Math.max(0, 11 - digits.length())) + digits;
    }
}
