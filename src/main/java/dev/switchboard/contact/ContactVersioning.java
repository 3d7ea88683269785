package dev.switchboard.contact;

import dev.switchboard.mediation.CounterStore;
import dev.switchboard.mediation.Sourced;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Keeps, per ContactId (the record key, after the repartition), the version passed on last
 * {LastUpdateTimestamp, fingerprint} and decides each record against it with {@link ContactVersions}:
 * NEW and UPDATED go on with their outcome, REPLAYED and STALE are dropped; each outcome is counted per source.
 *
 * <p>The versions live in a window store whose retention is the TTL, written at the time the record was
 * received, and a record looks only at versions written within the TTL of its own time received (both ways:
 * partitions are processed in no fixed order). A contact not seen for longer than the TTL is forgotten: its
 * next record, even an exact replay or an older version, is NEW again here; the store sink still never lets an
 * older version replace a newer row (see {@link ContactHistory}).
 */
final class ContactVersioning implements FixedKeyProcessor<String, Sourced<ContactRecord>, ContactVersion> {
    private static final char SEPARATOR = '|';
    private final String storeName;
    private final String countersName;
    private final long ttlMs;
    private FixedKeyProcessorContext<String, ContactVersion> context;
    private WindowStore<String, String> versions;
    private CounterStore counters;

    ContactVersioning(String storeName, String countersName, Duration ttl) {
        this.storeName = storeName;
        this.countersName = countersName;
        this.ttlMs = ttl.toMillis();
    }

    /** ContactId → "lastUpdate|fingerprint", kept for the TTL (at least a minute, as {@link dev.switchboard.mediation.Dedup}). */
    static StoreBuilder<WindowStore<String, String>> storeBuilder(String name, Duration ttl) {
        Duration retention = ttl.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : ttl;
        return Stores.windowStoreBuilder(Stores.persistentWindowStore(name, retention, retention, false),
                Serdes.String(), Serdes.String()).withCachingDisabled();
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ContactVersion> context) {
        this.context = context;
        this.versions = context.getStateStore(storeName);
        this.counters = new CounterStore(context.getStateStore(countersName)); // counted source|outcome (new, updated, replayed, stale)
    }

    @Override
    public void process(FixedKeyRecord<String, Sourced<ContactRecord>> record) {
        ContactRecord contact = record.value().value();
        long now = record.timestamp();
        ContactVersions.Outcome outcome = ContactVersions.decide(kept(contact.contactId(), now), contact);
        counters.increment(record.value().source(), outcome.name().toLowerCase(java.util.Locale.ROOT));
        if (outcome == ContactVersions.Outcome.NEW || outcome == ContactVersions.Outcome.UPDATED) {
            versions.put(contact.contactId(), contact.lastUpdateTimestamp() + String.valueOf(SEPARATOR) + contact.fingerprint(), now);
            context.forward(record.withValue(new ContactVersion(outcome, contact)));
        }
    }

    /** The latest version written within the TTL of {@code now}, or null. */
    private ContactVersions.Known kept(String contactId, long now) {
        ContactVersions.Known best = null;
        try (WindowStoreIterator<String> it = versions.fetch(contactId, Instant.ofEpochMilli(Math.max(0, now - ttlMs)), Instant.ofEpochMilli(now + ttlMs))) {
            while (it.hasNext()) {
                KeyValue<Long, String> e = it.next();
                int cut = e.value.indexOf(SEPARATOR);
                ContactVersions.Known k = new ContactVersions.Known(Instant.parse(e.value.substring(0, cut)), e.value.substring(cut + 1));
                if (best == null || ContactVersions.Known.ORDER.compare(k, best) > 0) best = k;
            }
        }
        return best;
    }

}
