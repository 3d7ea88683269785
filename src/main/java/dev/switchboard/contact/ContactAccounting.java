package dev.switchboard.contact;

import dev.switchboard.mediation.AccountingView;
import dev.switchboard.mediation.Counts;
import java.util.List;
import dev.switchboard.mediation.CounterStore;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;

/** Reads the contact-record counters in place (interactive queries): intake (in, error) and versioning (new, updated, replayed, stale). */
public final class ContactAccounting {
    private final KafkaStreams streams;

    public ContactAccounting(KafkaStreams streams) {
        this.streams = streams;
    }

    /** Counts per source; empty while the streams are not running yet. */
    public Map<String, ContactCounts> bySource() {
        Map<String, ContactCounts> out = new TreeMap<>();
        AccountingView.forEachCounter(streams, List.of(ContactTopology.INTAKE_COUNTS, ContactTopology.VERSION_COUNTS), e -> add(out, e));
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
        out.merge(CounterStore.source(entry.key), ContactCounts.ZERO.plus(CounterStore.counter(entry.key), entry.value), ContactCounts::plus);
    }
}
