package dev.switchboard.callcenter;

import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Adds to each completed call (keyed by caller number, so a caller's history is partition-local)
 * the caller's city, sex and age from the customer data, the number of completed calls from the
 * same number in the 30 days before this one was queued, and the subject predicted when it was queued
 * ({@link ArrivalScoring}; scored here from the same facts if that score is missing). Unknown callers
 * keep null city, sex and age.
 */
final class CallEnrichment implements FixedKeyProcessor<String, CompletedCall, CompletedCall> {
    private final CallerDirectory directory;
    private final ArrivalPredictor predictor;
    private FixedKeyProcessorContext<String, CompletedCall> context;
    private CallerHistory history;
    private ArrivalScoring.Predictions predictions;

    CallEnrichment(CallerDirectory directory, ArrivalPredictor predictor) {
        this.directory = directory;
        this.predictor = predictor;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, CompletedCall> context) {
        this.context = context;
        this.history = new CallerHistory(context, directory);
        this.predictions = new ArrivalScoring.Predictions(context);
    }

    @Override
    public void process(FixedKeyRecord<String, CompletedCall> record) {
        CompletedCall call = record.value();
        Instant at = call.queuedAt() != null ? call.queuedAt() : call.endedAt();
        Arrival arrival = history.arrival(call.callId(), at, call.queue(), call.dialledNumber(), call.callerNumber());
        // Without a model nothing was scored and nothing is: no store delete (a changelog write) per completed call.
        Optional<CallPrediction> predicted = predictor.ready()
                ? predictions.take(call.callId()).or(() -> predictor.predict(arrival))
                : Optional.empty();
        history.add(call, at);
        Caller caller = arrival.caller();
        CompletedCall enriched = call.enriched(caller, caller == null ? 0 : caller.age(), arrival.callsLast30d());
        context.forward(record.withValue(predicted.map(p -> enriched.predicted(p.subject(), p.probabilities())).orElse(enriched)));
    }
}
