package dev.switchboard.cdr;

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
 * CDR mediation: {@code cdr.raw} → parse, validate, normalize → re-key by calling number →
 * de-duplicate by SHA-256 fingerprint within a TTL → {@code cdr.clean}; rejects go to
 * {@code cdr.error} with their reasons and the raw payload. Every step and store is named so the
 * topology keeps its state when it changes.
 */
public final class CdrMediationTopology {
    public static final String INTAKE_COUNTS = "cdr-intake-counts";
    public static final String DEDUP_COUNTS = "cdr-dedup-counts";
    public static final String DEDUP_STORE = "cdr-dedup-fingerprints";
    public static final List<String> COUNTER_STORES = List.of(INTAKE_COUNTS, DEDUP_COUNTS);
    private static final JsonSerde<Sourced<Cdr>> SOURCED = JsonSerde.of(new TypeReference<Sourced<Cdr>>() {});

    private CdrMediationTopology() {}

    public static void build(StreamsBuilder builder, CdrMediator mediator, Duration dedupTtl) {
        builder.addStateStore(CounterStore.builder(INTAKE_COUNTS));
        builder.addStateStore(CounterStore.builder(DEDUP_COUNTS));
        builder.addStateStore(Dedup.storeBuilder(DEDUP_STORE, dedupTtl));

        KStream<String, Routed<Cdr>> routed = builder
                .stream(CdrTopics.RAW.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("cdr-raw-in"))
                .processValues(() -> new Intake<>(CdrTopics.KIND, CdrFormat.CDR_JSON.wireName(), INTAKE_COUNTS,
                        raw -> mediator.mediate(raw, raw.receivedAt())), Named.as("cdr-intake"), INTAKE_COUNTS);

        routed.split(Named.as("cdr-route-"))
                .branch((k, v) -> v instanceof Routed.Failed<Cdr>, Branched.withConsumer(failed -> failed
                        .mapValues(v -> ((Routed.Failed<Cdr>) v).error(), Named.as("cdr-error-record"))
                        .to(CdrTopics.ERROR.name(), Produced.with(Serdes.String(), CdrTopics.ERROR.valueSerde()).withName("cdr-error-out")),
                        "failed"))
                .defaultBranch(Branched.withConsumer(passed -> passed
                        .mapValues(v -> ((Routed.Passed<Cdr>) v).sourced(), Named.as("cdr-passed"))
                        .selectKey((k, v) -> v.value().callingNumber(), Named.as("cdr-key-by-caller"))
                        .repartition(Repartitioned.with(Serdes.String(), SOURCED).withName("cdr-by-caller"))
                        .<Cdr>processValues(() -> new Dedup<Cdr>(DEDUP_STORE, DEDUP_COUNTS, dedupTtl, CdrFingerprint::sha256),
                                Named.as("cdr-dedup"), DEDUP_STORE, DEDUP_COUNTS)
                        .to(CdrTopics.CLEAN.name(), Produced.with(Serdes.String(), CdrTopics.CLEAN.valueSerde()).withName("cdr-clean-out")),
                        "passed"));
    }
}
