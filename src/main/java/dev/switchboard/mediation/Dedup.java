package dev.switchboard.mediation;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Drops a record whose fingerprint was seen within the TTL before it, and counts {@code clean} and
 * {@code duplicate} per source. Fingerprints live in a window store whose retention is the TTL, so
 * old ones expire by whole segments as stream time (the time records were received) moves on.
 */
public final class Dedup<T> implements FixedKeyProcessor<String, Sourced<T>, T> {
    private final String storeName;
    private final String countersName;
    private final Function<T, byte[]> fingerprint;
    private final long ttlMs;
    private FixedKeyProcessorContext<String, T> context;
    private WindowStore<Bytes, Long> seen;
    private CounterStore counters;

    public Dedup(String storeName, String countersName, Duration ttl, Function<T, byte[]> fingerprint) {
        this.storeName = storeName;
        this.countersName = countersName;
        this.ttlMs = ttl.toMillis();
        this.fingerprint = fingerprint;
    }

    public static StoreBuilder<WindowStore<Bytes, Long>> storeBuilder(String name, Duration ttl) {
        Duration retention = ttl.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : ttl;
        return Stores.windowStoreBuilder(Stores.persistentWindowStore(name, retention, retention, false),
                Serdes.Bytes(), Serdes.Long()).withCachingDisabled();
    }

    @Override
    public void init(FixedKeyProcessorContext<String, T> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
        this.counters = new CounterStore(context.getStateStore(countersName));
    }

    @Override
    public void process(FixedKeyRecord<String, Sourced<T>> record) {
        Sourced<T> in = record.value();
        Bytes key = Bytes.wrap(fingerprint.apply(in.value()));
        long now = record.timestamp();
        // Symmetric window: partitions are processed in no fixed order, so the repeat may arrive first.
        if (seenWithin(key, now - ttlMs, now + ttlMs)) {
            counters.increment(in.source(), Counter.DUPLICATE);
            return;
        }
        seen.put(key, now, now);
        counters.increment(in.source(), Counter.CLEAN);
        context.forward(record.withValue(in.value()));
    }

    private boolean seenWithin(Bytes key, long from, long to) {
        try (WindowStoreIterator<Long> it = seen.fetch(key, Instant.ofEpochMilli(Math.max(0, from)), Instant.ofEpochMilli(to))) {
            return it.hasNext();
        }
    }
}
