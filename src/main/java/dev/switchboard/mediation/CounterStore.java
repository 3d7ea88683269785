package dev.switchboard.mediation;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Counters kept in a Streams state store keyed by {@code source + '|' + counter}, so they are
 * updated in the same transaction as the records they count (exact under exactly-once) and restored
 * from their changelog after a restart. In memory with caching: a put per record costs a map update.
 */
public final class CounterStore {
    static final char SEPARATOR = '|';
    private final KeyValueStore<String, Long> store;

    public CounterStore(KeyValueStore<String, Long> store) {
        this.store = store;
    }

    public static StoreBuilder<KeyValueStore<String, Long>> builder(String name) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), Serdes.Long())
                .withCachingEnabled();
    }

    public void increment(String source, Counter counter) {
        increment(source, counter.key());
    }

    /** A counter of a kind's own (e.g. contact records' {@code new}, {@code stale}), by its lower-case name. */
    public void increment(String source, String counter) {
        String key = source + SEPARATOR + counter;
        Long now = store.get(key);
        store.put(key, now == null ? 1L : now + 1L);
    }

    /** The source of a store key ({@code source|counter}). */
    public static String source(String key) {
        return key.substring(0, key.lastIndexOf(SEPARATOR));
    }

    /** The counter name of a store key ({@code source|counter}), lower case. */
    public static String counter(String key) {
        return key.substring(key.lastIndexOf(SEPARATOR) + 1);
    }
}
