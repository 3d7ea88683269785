package dev.switchboard.callcenter;

import dev.switchboard.platform.JsonSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Scores each QUEUED call (keyed by caller number, beside the caller's history) with the model of the
 * moment, before it is answered: the prediction is kept until the call completes ({@link CallEnrichment}
 * writes it into table {@code call} beside the truth) and forwarded to the live metrics, which show the
 * predicted subjects of the calls waiting now. Without a model nothing is scored. Predictions of calls that
 * never complete are forgotten after {@link #KEEP}.
 */
final class ArrivalScoring implements FixedKeyProcessor<String, CallEvent, CallPrediction> {
    static final String STORE = "call-predictions";
    static final Duration KEEP = Duration.ofDays(2);
    private final CallerDirectory directory;
    private final ArrivalPredictor predictor;
    private FixedKeyProcessorContext<String, CallPrediction> context;
    private CallerHistory history;
    private Predictions predictions;

    ArrivalScoring(CallerDirectory directory, ArrivalPredictor predictor) {
        this.directory = directory;
        this.predictor = predictor;
    }

    static StoreBuilder<KeyValueStore<String, CallPrediction>> store() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), JsonSerde.of(CallPrediction.class));
    }

    @Override
    public void init(FixedKeyProcessorContext<String, CallPrediction> context) {
        this.context = context;
        this.history = new CallerHistory(context, directory);
        this.predictions = new Predictions(context);
        context.schedule(Duration.ofHours(1), PunctuationType.WALL_CLOCK_TIME, now -> predictions.forgetBefore(Instant.ofEpochMilli(now).minus(KEEP)));
    }

    @Override
    public void process(FixedKeyRecord<String, CallEvent> record) {
        CallEvent e = record.value();
        if (e.event() != CallEventType.QUEUED) return;
        Arrival arrival = history.arrival(e.callId(), e.time(), e.queue(), e.dialledNumber(), e.callerNumber());
        Optional<CallPrediction> predicted = predictor.predict(arrival);
        if (predicted.isEmpty()) return;
        predictions.put(predicted.get());
        context.forward(record.withValue(predicted.get()));
    }

    /** The predictions waiting for their calls to complete, by call id. */
    static final class Predictions {
        private final KeyValueStore<String, CallPrediction> store;

        Predictions(ProcessingContext context) {
            this.store = context.getStateStore(STORE);
        }

        void put(CallPrediction p) {
            store.put(p.callId(), p);
        }

        Optional<CallPrediction> take(String callId) {
            return Optional.ofNullable(store.delete(callId));
        }

        void forgetBefore(Instant cutoff) {
            List<String> old = new ArrayList<>();
            try (KeyValueIterator<String, CallPrediction> it = store.all()) {
                it.forEachRemaining(kv -> {
                    if (kv.value.queuedAt() == null || kv.value.queuedAt().isBefore(cutoff)) old.add(kv.key);
                });
            }
            old.forEach(store::delete);
        }
    }
}
