package dev.switchboard.callcenter;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.switchboard.callcenter.live.LiveMetricsTopology;
import dev.switchboard.callcenter.live.MetricsRules;
import dev.switchboard.mediation.CounterStore;
import dev.switchboard.mediation.Dedup;
import dev.switchboard.mediation.Intake;
import dev.switchboard.mediation.Mediated;
import dev.switchboard.mediation.RawRecord;
import dev.switchboard.mediation.Routed;
import dev.switchboard.mediation.Sourced;
import dev.switchboard.platform.ControlCommand;
import dev.switchboard.platform.JsonSerde;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The call-center pipeline: {@code call.raw} → mediation (parse, validate, normalize; rejects to
 * {@code call.error}) → keyed by call id → de-duplication → {@code call.clean} and the completed
 * calls, enriched per caller (with the subject predicted when they were queued), to {@code call.completed};
 * each QUEUED call is scored on arrival ({@link ArrivalScoring}); the live metrics (with reset commands from
 * {@code control} and the predictions) take the mediated events straight from intake. Every step and store is named so the topology keeps its state when it changes.
 */
public final class CallCenterTopology {
    public static final String INTAKE_COUNTS = "call-intake-counts";
    public static final String DEDUP_COUNTS = "call-dedup-counts";
    public static final String DEDUP_STORE = "call-dedup-fingerprints";
    public static final List<String> COUNTER_STORES = List.of(INTAKE_COUNTS, DEDUP_COUNTS);
    private static final JsonSerde<Sourced<CallEvent>> SOURCED = JsonSerde.of(new TypeReference<Sourced<CallEvent>>() {});

    private CallCenterTopology() {}

    public static void build(StreamsBuilder builder, Function<RawRecord, Mediated<CallEvent>> mediator, Duration dedupTtl,
                             MetricsRules rules, CallerDirectory directory, ArrivalPredictor predictor) {
        builder.addStateStore(CounterStore.builder(INTAKE_COUNTS));
        builder.addStateStore(CounterStore.builder(DEDUP_COUNTS));
        builder.addStateStore(Dedup.storeBuilder(DEDUP_STORE, dedupTtl));
        builder.addStateStore(CallCompletion.store());
        CallerHistory.stores().forEach(builder::addStateStore);
        builder.addStateStore(ArrivalScoring.store());

        KStream<String, Routed<CallEvent>> routed = builder
                .stream(CallTopics.RAW.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("call-raw-in"))
                .processValues(() -> new Intake<>(CallTopics.KIND, CallFormat.CALL_JSON.wireName(), INTAKE_COUNTS, mediator),
                        Named.as("call-intake"), INTAKE_COUNTS);

        KStream<String, Sourced<CallEvent>> passed = routed
                .filter((k, v) -> v instanceof Routed.Passed<CallEvent>, Named.as("call-passed-only"))
                .mapValues(v -> ((Routed.Passed<CallEvent>) v).sourced(), Named.as("call-passed"));
        KStream<String, CallEvent> clean = passed
                .selectKey((k, v) -> v.value().callId(), Named.as("call-key-by-id"))
                .repartition(Repartitioned.with(Serdes.String(), SOURCED).withName("call-by-id"))
                .processValues(() -> new Dedup<CallEvent>(DEDUP_STORE, DEDUP_COUNTS, dedupTtl, CallFingerprint::sha256),
                        Named.as("call-dedup"), DEDUP_STORE, DEDUP_COUNTS);
        routed.filter((k, v) -> v instanceof Routed.Failed<CallEvent>, Named.as("call-failed-only"))
                .mapValues(v -> ((Routed.Failed<CallEvent>) v).error(), Named.as("call-error-record"))
                .to(CallTopics.ERROR.name(), Produced.with(Serdes.String(), CallTopics.ERROR.valueSerde()).withName("call-error-out"));
        clean.to(CallTopics.CLEAN.name(), Produced.with(Serdes.String(), CallTopics.CLEAN.valueSerde()).withName("call-clean-out"));

        // The live metrics take the mediated events straight from intake, before the re-keying and
        // de-duplication: one transactional hop less between an event and the page. They need no
        // de-duplication of their own making, since they count each call's events once anyway.
        KStream<String, ControlCommand> control = builder.stream(ControlCommand.TOPIC.name(),
                Consumed.with(Serdes.String(), ControlCommand.TOPIC.valueSerde()).withName("control-in"));
        // Each QUEUED call is scored where its caller's history is, and the prediction goes to the live metrics.
        KStream<String, CallPrediction> predictions = clean
                // Without a model there is nothing to score: the calls are not routed (their completion is scored if one comes).
                .filter((k, e) -> e.event() == CallEventType.QUEUED && predictor.ready(), Named.as("call-queued-only"))
                .selectKey((k, e) -> e.callerNumber() == null ? "" : e.callerNumber(), Named.as("call-queued-key-by-caller"))
                .repartition(Repartitioned.with(Serdes.String(), CallTopics.CLEAN.valueSerde()).withName("call-queued-by-caller"))
                .processValues(() -> new ArrivalScoring(directory, predictor), Named.as("call-arrival-scoring"), CallerHistory.TIMES,
                        CallerHistory.LAST, ArrivalScoring.STORE);
        LiveMetricsTopology.build(builder, passed.mapValues(Sourced::value, Named.as("call-mediated")), predictions, control, rules);

        clean.process(() -> new CallCompletion(Duration.ofDays(1)), Named.as("call-completion"), CallCompletion.STORE)
                .selectKey((k, v) -> v.callerNumber() == null ? "" : v.callerNumber(), Named.as("call-completed-key-by-caller"))
                .repartition(Repartitioned.with(Serdes.String(), CallTopics.COMPLETED.valueSerde()).withName("call-completed-by-caller"))
                .processValues(() -> new CallEnrichment(directory, predictor), Named.as("call-enrichment"), CallerHistory.TIMES, CallerHistory.LAST,
                        ArrivalScoring.STORE)
                .to(CallTopics.COMPLETED.name(), Produced.with(Serdes.String(), CallTopics.COMPLETED.valueSerde()).withName("call-completed-out"));
    }
}
