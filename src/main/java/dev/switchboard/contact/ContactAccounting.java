package dev.switchboard.contact;

import dev.switchboard.mediation.Counts;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Reads the contact-record counters in place (interactive queries): intake (in, error) and versioning (new, updated, replayed, stale). */
public final class ContactAccounting {
    private final KafkaStreams streams;

    public ContactAccounting(KafkaStreams streams) {
        this.streams = streams;
    }

    /** Counts per source; empty while the streams are not running yet. */
    public Map<String, ContactCounts> bySource() {
        Map<String, ContactCounts> out = new TreeMap<>();
        if (streams.state() != KafkaStreams.State.RUNNING) return out;
        for (String name : new String[] {ContactTopology.INTAKE_COUNTS, ContactTopology.VERSION_COUNTS}) {
            ReadOnlyKeyValueStore<String, Long> store = streams.store(
                    StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, Long>keyValueStore()));
            try (KeyValueIterator<String, Long> it = store.all()) {
                while (it.hasNext()) add(out, it.next());
            }
        }
        return out;
    }

    public ContactCounts total() {
        return bySource().values().stream().reduce(ContactCounts.ZERO, ContactCounts::plus);
    }

    /** In the platform's terms (clean = new + updated, duplicate = replayed + stale), per source. */
    public Map<String, Counts> countsBySource() {
        Map<String, Counts> out = new TreeMap<>();
        bySource().forEach((source, c) -> out.put(source, c.asCounts()));
        return out;
    }

    static void add(Map<String, ContactCounts> out, KeyValue<String, Long> entry) {
        int cut = entry.key.lastIndexOf('|');
        String counter = entry.key.substring(cut + 1).toLowerCase(Locale.ROOT);
        out.merge(entry.key.substring(0, cut), ContactCounts.ZERO.plus(counter, entry.value), ContactCounts::plus);
    }
}
