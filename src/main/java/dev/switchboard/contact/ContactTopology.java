package dev.switchboard.contact;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.switchboard.callcenter.CallTopics;
import dev.switchboard.mediation.CounterStore;
import dev.switchboard.mediation.Intake;
import dev.switchboard.mediation.Routed;
import dev.switchboard.mediation.Sourced;
import dev.switchboard.platform.JsonSerde;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Contact-record mediation: {@code ctr.raw} → parse ({@link ContactParser}; rejects to {@code ctr.error} with
 * their reasons and the raw payload) → keyed by ContactId → versioning ({@link ContactVersioning}: NEW and
 * UPDATED on to {@code ctr.clean}, REPLAYED and STALE dropped) with counters per source; the first contact of
 * each chain, when new, goes on to {@code call.raw} as call events ({@link ContactCalls}). Every step and
 * store is named so the topology keeps its state when it changes.
 */
public final class ContactTopology {
    public static final String INTAKE_COUNTS = "ctr-intake-counts";
    public static final String VERSION_COUNTS = "ctr-version-counts";
    public static final String VERSION_STORE = "ctr-versions";
    private static final JsonSerde<Sourced<ContactRecord>> SOURCED = JsonSerde.of(new TypeReference<Sourced<ContactRecord>>() {});

    private ContactTopology() {}

    public static void build(StreamsBuilder builder, Duration ttl) {
        builder.addStateStore(CounterStore.builder(INTAKE_COUNTS));
        builder.addStateStore(CounterStore.builder(VERSION_COUNTS));
        builder.addStateStore(ContactVersioning.storeBuilder(VERSION_STORE, ttl));

        KStream<String, Routed<ContactRecord>> routed = builder
                .stream(ContactTopics.RAW.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("ctr-raw-in"))
                .processValues(() -> new Intake<>(ContactTopics.KIND, ContactTopics.FORMAT, INTAKE_COUNTS,
                        raw -> ContactParser.parse(raw.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                        Named.as("ctr-intake"), INTAKE_COUNTS);
        routed.filter((k, v) -> v instanceof Routed.Failed<ContactRecord>, Named.as("ctr-failed-only"))
                .mapValues(v -> ((Routed.Failed<ContactRecord>) v).error(), Named.as("ctr-error-record"))
                .to(ContactTopics.ERROR.name(), Produced.with(Serdes.String(), ContactTopics.ERROR.valueSerde()).withName("ctr-error-out"));
        KStream<String, ContactVersion> versions = routed.filter((k, v) -> v instanceof Routed.Passed<ContactRecord>, Named.as("ctr-passed-only"))
                .mapValues(v -> ((Routed.Passed<ContactRecord>) v).sourced(), Named.as("ctr-passed"))
                .selectKey((k, v) -> v.value().contactId(), Named.as("ctr-key-by-contact"))
                .repartition(Repartitioned.with(Serdes.String(), SOURCED).withName("ctr-by-contact"))
                .processValues(() -> new ContactVersioning(VERSION_STORE, VERSION_COUNTS, ttl), Named.as("ctr-versioning"),
                        VERSION_STORE, VERSION_COUNTS);
        versions.to(ContactTopics.CLEAN.name(), Produced.with(Serdes.String(), ContactTopics.CLEAN.valueSerde()).withName("ctr-clean-out"));
        // The first contact of each chain, when new, also enters the call-center pipeline as call events (ContactCalls).
        versions.processValues(ContactCalls.ToCallRaw::new, Named.as("ctr-call-events"))
                .to(CallTopics.RAW.name(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("ctr-call-events-out"));
    }
}
