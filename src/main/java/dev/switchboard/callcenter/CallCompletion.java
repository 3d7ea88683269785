package dev.switchboard.callcenter;

import dev.switchboard.platform.JsonSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Gathers each call's events (keyed by call id) and emits it once as a {@link CompletedCall} when
 * it ends or is abandoned. Calls silent for longer than {@code forgetAfter} are forgotten.
 */
final class CallCompletion implements Processor<String, CallEvent, String, CompletedCall> {
    static final String STORE = "call-lifecycle";
    private final Duration forgetAfter;
    private ProcessorContext<String, CompletedCall> context;
    private KeyValueStore<String, CallSoFar> calls;
    private long streamTime;

    CallCompletion(Duration forgetAfter) {
        this.forgetAfter = forgetAfter;
    }

    static StoreBuilder<KeyValueStore<String, CallSoFar>> store() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), JsonSerde.of(CallSoFar.class));
    }

    @Override
    public void init(ProcessorContext<String, CompletedCall> context) {
        this.context = context;
        this.calls = context.getStateStore(STORE);
        context.schedule(Duration.ofMinutes(1), PunctuationType.STREAM_TIME, t -> forget(t - forgetAfter.toMillis()));
    }

    @Override
    public void process(Record<String, CallEvent> record) {
        CallEvent e = record.value();
        if (e == null) return;
        streamTime = Math.max(streamTime, record.timestamp());
        CallSoFar known = calls.get(e.callId());
        if (known == null) known = CallSoFar.NONE;
        if (known.done()) return;
        CallSoFar next = known.with(e);
        if (e.event() == CallEventType.ENDED || e.event() == CallEventType.ABANDONED) {
            context.forward(record.withKey(e.callId()).withValue(known.complete(e)));
            next = next.finished();
        }
        calls.put(e.callId(), next);
    }

    private void forget(long beforeMs) {
        Instant cutoff = Instant.ofEpochMilli(beforeMs);
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, CallSoFar> it = calls.all()) {
            it.forEachRemaining(kv -> {
                if (kv.value.touched() != null && kv.value.touched().isBefore(cutoff)) old.add(kv.key);
            });
        }
        old.forEach(calls::delete);
    }
}
