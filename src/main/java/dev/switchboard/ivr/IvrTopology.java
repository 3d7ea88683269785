package dev.switchboard.ivr;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.switchboard.mediation.CounterStore;
import dev.switchboard.mediation.Dedup;
import dev.switchboard.mediation.Intake;
import dev.switchboard.mediation.Routed;
import dev.switchboard.mediation.Sourced;
import dev.switchboard.platform.JsonSerde;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * IVR mediation: {@code ivr.raw} → parse, validate, clean ({@link IvrMediator}) → re-key by session id →
 * de-duplicate by SHA-256 fingerprint of the cleaned session within a TTL → {@code ivr.clean}; rejects go
 * to {@code ivr.error} with their reasons and the raw payload. Every step and store is named so the
 * topology keeps its state when it changes.
 */
public final class IvrTopology {
    public static final String INTAKE_COUNTS = "ivr-intake-counts";
    public static final String DEDUP_COUNTS = "ivr-dedup-counts";
    public static final String DEDUP_STORE = "ivr-dedup-fingerprints";
    public static final List<String> COUNTER_STORES = List.of(INTAKE_COUNTS, DEDUP_COUNTS);
    private static final JsonSerde<Sourced<IvrSession>> SOURCED = JsonSerde.of(new TypeReference<Sourced<IvrSession>>() {});

    private IvrTopology() {}

    public static void build(StreamsBuilder builder, IvrMediator mediator, Duration dedupTtl) {
        builder.addStateStore(CounterStore.builder(INTAKE_COUNTS));
        builder.addStateStore(CounterStore.builder(DEDUP_COUNTS));
        builder.addStateStore(Dedup.storeBuilder(DEDUP_STORE, dedupTtl));

        KStream<String, Routed<IvrSession>> routed = builder
                .stream(IvrTopics.RAW.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("ivr-raw-in"))
                .processValues(() -> new Intake<>(IvrTopics.KIND, IvrMediator.FORMAT, INTAKE_COUNTS, mediator::mediate),
                        Named.as("ivr-intake"), INTAKE_COUNTS);

        routed.split(Named.as("ivr-route-"))
                .branch((k, v) -> v instanceof Routed.Failed<IvrSession>, Branched.withConsumer(failed -> failed
                        .mapValues(v -> ((Routed.Failed<IvrSession>) v).error(), Named.as("ivr-error-record"))
                        .to(IvrTopics.ERROR.name(), Produced.with(Serdes.String(), IvrTopics.ERROR.valueSerde()).withName("ivr-error-out")),
                        "failed"))
                .defaultBranch(Branched.withConsumer(passed -> passed
                        .mapValues(v -> ((Routed.Passed<IvrSession>) v).sourced(), Named.as("ivr-passed"))
                        .selectKey((k, v) -> v.value().sessionId(), Named.as("ivr-key-by-session"))
                        .repartition(Repartitioned.with(Serdes.String(), SOURCED).withName("ivr-by-session"))
                        .<IvrSession>processValues(() -> new Dedup<IvrSession>(DEDUP_STORE, DEDUP_COUNTS, dedupTtl, IvrFingerprint::sha256),
                                Named.as("ivr-dedup"), DEDUP_STORE, DEDUP_COUNTS)
                        .to(IvrTopics.CLEAN.name(), Produced.with(Serdes.String(), IvrTopics.CLEAN.valueSerde()).withName("ivr-clean-out")),
                        "passed"));
    }
}
