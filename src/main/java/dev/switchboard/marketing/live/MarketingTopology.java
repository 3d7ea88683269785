package dev.switchboard.marketing.live;

import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrTopics;
import dev.switchboard.marketing.BusinessDirectory;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * The live marketing templates: {@code cdr.clean} (keyed by calling number, so a caller's days are in
 * one partition) → each voice CDR's facts, with the business directory of the moment → per local date
 * aggregates in the stores of {@link MarketingStores}, read in place by {@link LiveTemplates}. Nothing
 * is produced downstream.
 */
public final class MarketingTopology {
    /**
     * How the stream is read: {@code zone} the platform's (dates, hours, and a caller's zone when
     * libphonenumber names none); {@code homeRegion}: calls elsewhere are international; {@code days}: the
     * local dates kept, up to the latest seen.
     */
    public record Rules(ZoneId zone, String homeRegion, int days) {
        public Rules {
            Objects.requireNonNull(zone, "zone");
            if (!homeRegion.matches("[A-Z]{2}")) throw new IllegalArgumentException("not a region code: " + homeRegion);
            if (days < 1) throw new IllegalArgumentException("days must be 1 or more: " + days);
        }
    }

    private MarketingTopology() {}

    public static void build(StreamsBuilder builder, Rules rules, Supplier<BusinessDirectory> directory) {
        build(builder, builder.stream(CdrTopics.CLEAN.name(), Consumed.with(Serdes.String(), CdrTopics.CLEAN.valueSerde()).withName("marketing-in")),
                rules, directory);
    }

    /** Over {@code clean}, a stream of {@code cdr.clean} shared with other pipelines (a topic is one source per topology). */
    public static void build(StreamsBuilder builder, KStream<String, Cdr> clean, Rules rules, Supplier<BusinessDirectory> directory) {
        MarketingStores.builders().forEach(builder::addStateStore);
        clean.processValues(() -> new MarketingProcessor(new CallFacts(rules.zone(), directory), rules.homeRegion(), rules.days()),
                        Named.as("marketing-templates"), MarketingStores.ALL.toArray(String[]::new));
    }
}
