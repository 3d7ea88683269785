package dev.switchboard.callcenter;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.switchboard.platform.JsonSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Adds to each completed call (keyed by caller number, so a caller's history is partition-local)
 * the caller's city, sex and age from the customer data and the number of completed calls from the
 * same number in the 30 days before this one was queued. Unknown callers keep null city, sex and age.
 */
final class CallEnrichment implements FixedKeyProcessor<String, CompletedCall, CompletedCall> {
    static final String STORE = "call-caller-history";
    static final Duration MONTH = Duration.ofDays(30);
    /** A number calling more often than this in two months (a test line, a robot) is counted up to it: the history stays small. */
    static final int MAX_KEPT = 1000;
    private static final JsonSerde<List<Long>> TIMES = JsonSerde.of(new TypeReference<List<Long>>() {});
    private final CallerDirectory directory;
    private FixedKeyProcessorContext<String, CompletedCall> context;
    private KeyValueStore<String, List<Long>> history;

    CallEnrichment(CallerDirectory directory) {
        this.directory = directory;
    }

    static StoreBuilder<KeyValueStore<String, List<Long>>> store() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), TIMES);
    }

    @Override
    public void init(FixedKeyProcessorContext<String, CompletedCall> context) {
        this.context = context;
        this.history = context.getStateStore(STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, CompletedCall> record) {
        CompletedCall call = record.value();
        String number = call.callerNumber();
        Instant at = call.queuedAt() != null ? call.queuedAt() : call.endedAt();
        int recent = 0;
        if (number != null) {
            List<Long> times = history.get(number);
            List<Long> kept = new ArrayList<>();
            long from = at.minus(MONTH).toEpochMilli();
            if (times != null) {
                for (long t : times) {
                    if (t >= from - MONTH.toMillis()) kept.add(t); // keep a second month for late calls
                    if (t >= from && t < at.toEpochMilli()) recent++;
                }
            }
            kept.add(at.toEpochMilli());
            history.put(number, kept.size() > MAX_KEPT ? new ArrayList<>(kept.subList(kept.size() - MAX_KEPT, kept.size())) : kept);
        }
        Optional<Caller> caller = number == null ? Optional.empty() : directory.byNumber(number);
        context.forward(record.withValue(call.enriched(caller.orElse(null), caller.map(Caller::age).orElse(0), recent)));
    }
}
