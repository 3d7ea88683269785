package dev.switchboard.mediation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads the counter stores of one kind in place (interactive queries) and sums them per source.
 * A store has one instance per partition; iterating the composite store visits each, so summing
 * over all entries gives the total of this process's partitions.
 */
public final class AccountingView {
    private final KafkaStreams streams;
    private final List<String> storeNames;

    public AccountingView(KafkaStreams streams, List<String> storeNames) {
        this.streams = streams;
        this.storeNames = List.copyOf(storeNames);
    }

    /** Counts per source; empty while the streams are not running yet. */
    public Map<String, Counts> bySource() {
        Map<String, Counts> out = new TreeMap<>();
        forEachCounter(streams, storeNames, e -> add(out, e));
        return out;
    }

    /** Every entry ({@code source|counter} → n) of these counter stores; none while the streams are not running yet. */
    public static void forEachCounter(KafkaStreams streams, List<String> storeNames, java.util.function.Consumer<KeyValue<String, Long>> action) {
        if (streams.state() != KafkaStreams.State.RUNNING) return;
        for (String name : storeNames) {
            ReadOnlyKeyValueStore<String, Long> store = streams.store(
                    StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, Long>keyValueStore()));
            try (KeyValueIterator<String, Long> it = store.all()) {
                it.forEachRemaining(action);
            }
        }
    }

    public Counts total() {
        return bySource().values().stream().reduce(Counts.ZERO, Counts::plus);
    }

    /** Adds one counter store entry ({@code source|counter} → n) to the counts per source. */
    public static void add(Map<String, Counts> out, KeyValue<String, Long> entry) {
        Counter counter = Counter.valueOf(CounterStore.counter(entry.key).toUpperCase(java.util.Locale.ROOT));
        out.merge(CounterStore.source(entry.key), Counts.ZERO.plus(counter, entry.value), Counts::plus);
    }
}
