package dev.switchboard.rating;

import static dev.switchboard.rating.RatingFixtures.call;
import static dev.switchboard.rating.RatingFixtures.perMinute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrTopics;
import dev.switchboard.cdr.CdrType;
import dev.switchboard.mediation.ErrorRecord;
import java.math.BigDecimal;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The streaming rating step: prices, free units carried from one CDR to the next per subscriber and month, NO_RATE to cdr.error. */
class RatingTopologyTest {
    private TopologyTestDriver driver;
    private TestInputTopic<String, Cdr> clean;

    @BeforeEach
    void start() {
        // 0.60 per started minute to France (33); 120 free seconds a month to anywhere.
        Rater rater = RatingFixtures.raterOf(List.of(perMinute("fr", "33")), List.of(new FreeAllowance("free-2min", CdrType.VOICE, 120, List.of())));
        StreamsBuilder b = new StreamsBuilder();
        RatingTopology.build(b, () -> rater);
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "rating-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(b.build(), p);
        clean = driver.createInputTopic(CdrTopics.CLEAN.name(), Serdes.String().serializer(), CdrTopics.CLEAN.valueSerde().serializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(Cdr c) {
        clean.pipeInput(c.callingNumber(), c);
    }

    @Test
    void freeUnitsCarryOverFromOneCdrToTheNextWithinAMonthAndStartAgainNextMonth() {
        send(call("+33145000001", "2026-03-02T10:00", 90));  // 120 s billed, all free: 0.00
        send(call("+33145000002", "2026-03-02T11:00", 90));  // 120 s billed, none free left: 2 × 0.60 = 1.20
        send(call("+33145000003", "2026-04-01T10:00", 50));  // April: 60 s billed, free again: 0.00
        List<RatedCdr> rated = driver.createOutputTopic(RatingTopology.RATED.name(), Serdes.String().deserializer(),
                RatingTopology.RATED.valueSerde().deserializer()).readValuesToList();
        assertThat(rated).extracting(RatedCdr::cost).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0"), new BigDecimal("1.20"), new BigDecimal("0"));
        assertThat(rated).allSatisfy(r -> {
            assertThat(r.proof().check()).isTrue();
            assertThat(r.rateId()).isEqualTo("fr");
            assertThat(r.currency()).isEqualTo("EUR");
        });
    }

    @Test
    void aCdrNoRateMatchesGoesToTheErrorTopicWithReasonNoRateAndOnUnpriced() {
        send(call("+4930123456", 60)); // Germany: no rate
        List<ErrorRecord> errors = driver.createOutputTopic(CdrTopics.ERROR.name(), Serdes.String().deserializer(),
                CdrTopics.ERROR.valueSerde().deserializer()).readValuesToList();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.reasonText()).isEqualTo("NO_RATE");
            assertThat(e.source()).isEqualTo("rating");
            assertThat(e.raw()).contains("+4930123456");
        });
        // it still goes on to the history, unpriced
        assertThat(driver.createOutputTopic(RatingTopology.RATED.name(), Serdes.String().deserializer(),
                RatingTopology.RATED.valueSerde().deserializer()).readValuesToList()).singleElement().satisfies(r -> {
            assertThat(r.priced()).isFalse();
            assertThat(r.cdr().calledNumber()).isEqualTo("+4930123456");
        });
    }
}
