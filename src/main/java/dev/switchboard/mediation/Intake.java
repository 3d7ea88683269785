package dev.switchboard.mediation;

import java.util.function.Function;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * First step of every mediation pipeline: reads the raw bytes and headers, applies the kind's
 * parse/validate/normalize function, and counts {@code in} and {@code error} per source. Never throws
 * on bad input: anything the function cannot make sense of is a rejection.
 */
public final class Intake<T> implements FixedKeyProcessor<String, byte[], Routed<T>> {
    private final String kind;
    private final String defaultFormat;
    private final String storeName;
    private final Function<RawRecord, Mediated<T>> mediate;
    private FixedKeyProcessorContext<String, Routed<T>> context;
    private CounterStore counters;

    public Intake(String kind, String defaultFormat, String storeName, Function<RawRecord, Mediated<T>> mediate) {
        this.kind = kind;
        this.defaultFormat = defaultFormat;
        this.storeName = storeName;
        this.mediate = mediate;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Routed<T>> context) {
        this.context = context;
        this.counters = new CounterStore(context.getStateStore(storeName));
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        RawRecord raw = RawRecords.fromKafka(record.headers(), record.value(), record.timestamp(), defaultFormat);
        counters.increment(raw.source(), Counter.IN);
        Mediated<T> mediated = mediate.apply(raw);
        if (mediated instanceof Mediated.Clean<T> clean) {
            context.forward(record.withValue(new Routed.Passed<>(new Sourced<>(raw.source(), clean.value()))));
        } else if (mediated instanceof Mediated.Rejected<T> rejected) {
            counters.increment(raw.source(), Counter.ERROR);
            context.forward(record.withValue(new Routed.Failed<>(ErrorRecord.of(kind, raw, rejected.reasons()))));
        }
    }
}
