package dev.switchboard.callcenter.live;

import dev.switchboard.callcenter.CallEvent;
import dev.switchboard.callcenter.CallPrediction;
import dev.switchboard.platform.ControlCommand;
import dev.switchboard.platform.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Live call-center metrics: clean call events, the predictions of queued calls and reset commands, merged into one single-partition
 * stream (the metrics are whole-center figures, so one task holds them all), into
 * {@link LiveMetricsProcessor}'s stores, which {@link CallCenterView} reads.
 */
public final class LiveMetricsTopology {
    public static final String RESET = "callcenter.reset";
    /** One key for everything, so all events meet in one task. */
    static final String ALL = "all";

    private LiveMetricsTopology() {}

    public static void build(StreamsBuilder builder, KStream<String, CallEvent> calls, KStream<String, CallPrediction> predictions,
            KStream<String, ControlCommand> control, MetricsRules rules) {
        MetricsStores.builders().forEach(builder::addStateStore);
        KStream<String, MetricsInput> resets = control
                .filter((k, c) -> c != null && RESET.equals(c.type()), Named.as("call-metrics-resets"))
                .mapValues(c -> MetricsInput.reset(c.at()), Named.as("call-metrics-reset-input"));
        calls.mapValues(MetricsInput::of, Named.as("call-metrics-input"))
                .merge(resets, Named.as("call-metrics-merge"))
                .merge(predictions.mapValues(MetricsInput::predicted, Named.as("call-metrics-prediction-input")), Named.as("call-metrics-merge-predictions"))
                .selectKey((k, v) -> ALL, Named.as("call-metrics-key"))
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(MetricsInput.class))
                        .withName("call-metrics").withNumberOfPartitions(1))
                .process(() -> new LiveMetricsProcessor(rules), Named.as("call-live-metrics"), MetricsStores.ALL.toArray(String[]::new));
    }
}
