package dev.switchboard.rating;

import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrTopics;
import dev.switchboard.platform.JsonSerde;
import dev.switchboard.platform.Topic;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Streaming rating: {@code cdr.clean} → price with the subscriber's plan → {@code cdr.rated} (every
 * clean CDR, so the history is written from here once); a CDR no rate matches goes on unpriced and
 * also to {@code cdr.error} with reason {@code NO_RATE} (source {@code rating}).
 * The tariffs come from a supplier, so a tariff change takes effect for the next CDR.
 */
public final class RatingTopology {
    /** Rated CDRs keyed by calling number. */
    public static final Topic<String, RatedCdr> RATED = new Topic<>("cdr.rated", Serdes.String(), JsonSerde.of(RatedCdr.class));

    private RatingTopology() {}

    public static void build(StreamsBuilder builder, Supplier<Rater> rater) {
        build(builder, builder.stream(CdrTopics.CLEAN.name(), Consumed.with(Serdes.String(), CdrTopics.CLEAN.valueSerde()).withName("rating-in")),
                rater);
    }

    /** Rates {@code clean}, a stream of {@code cdr.clean} that other pipelines may read too (a topic is one source per topology). */
    public static void build(StreamsBuilder builder, KStream<String, Cdr> clean, Supplier<Rater> rater) {
        builder.addStateStore(RatingProcessor.store());
        KStream<String, RatingProcessor.Outcome> outcomes = clean
                .processValues(() -> new RatingProcessor(rater), Named.as("rating"), RatingProcessor.STORE);
        outcomes.mapValues(RatingProcessor.Outcome::rated, Named.as("rating-rated"))
                .to(RATED.name(), Produced.with(Serdes.String(), RATED.valueSerde()).withName("rating-rated-out"));
        outcomes.filter((k, o) -> o.error() != null, Named.as("rating-refused"))
                .mapValues(RatingProcessor.Outcome::error, Named.as("rating-error-record"))
                .to(CdrTopics.ERROR.name(), Produced.with(Serdes.String(), CdrTopics.ERROR.valueSerde()).withName("rating-error-out"));
    }
}
