package dev.switchboard.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrResult;
import dev.switchboard.cdr.CdrTopics;
import dev.switchboard.cdr.CdrType;
import dev.switchboard.marketing.TemplateRows.Duration;
import dev.switchboard.marketing.live.LiveTemplates;
import dev.switchboard.marketing.live.MarketingStores;
import dev.switchboard.marketing.live.MarketingTopology;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The live templates over the marketing topology's stores, against the hand-worked fixture; and the window of dates they keep. */
class LiveTemplatesTest {
    static final BusinessDirectory DIRECTORY = BusinessDirectory.of(Arrays.stream(MarketingFixture.DIRECTORY)
            .map(e -> new DirectoryEntry(e[0], BusinessType.valueOf(e[1]), null)).toList());
    private TopologyTestDriver driver;

    /** The topology under a test driver, fed {@code cdrs} as on {@code cdr.clean} (keyed by calling number). */
    static TopologyTestDriver driver(MarketingTopology.Rules rules, BusinessDirectory directory, List<Cdr> cdrs) {
        StreamsBuilder b = new StreamsBuilder();
        MarketingTopology.build(b, rules, () -> directory);
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "marketing-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        TopologyTestDriver driver = new TopologyTestDriver(b.build(), p);
        TestInputTopic<String, Cdr> clean = driver.createInputTopic(CdrTopics.CLEAN.name(), Serdes.String().serializer(),
                CdrTopics.CLEAN.valueSerde().serializer());
        clean.pipeKeyValueList(cdrs.stream().map(c -> KeyValue.pair(c.callingNumber(), c)).toList());
        return driver;
    }

    static LiveTemplates live(TopologyTestDriver driver, MarketingTopology.Rules rules) {
        return new LiveTemplates(new LiveTemplates.StoreLookup() {
            @Override
            public <V> ReadOnlyKeyValueStore<String, V> store(String name) {
                return driver.getKeyValueStore(name);
            }
        }, rules);
    }

    @AfterEach
    void stop() {
        if (driver != null) driver.close();
    }

    @Test
    void everyTemplateGivesTheHandWorkedRows() {
        MarketingTopology.Rules rules = new MarketingTopology.Rules(MarketingFixture.ZONE, "US", 35);
        driver = driver(rules, DIRECTORY, MarketingFixture.CDRS);
        LiveTemplates live = live(driver, rules);
        MarketingFixture.assertAll(live::duration, live::business, live::personTags, live::countries, live::bestTimes);
        assertThat(live.latestDate()).contains(LocalDate.parse("2026-03-09"));
    }

    private static Cdr call(String id, String utc) {
        return new Cdr(id, MarketingFixture.A, "+12125550111", Instant.parse(utc), 60, CdrType.VOICE, CdrResult.ANSWERED, null);
    }

    @Test
    void aDateOlderThanTheWindowIsGoneAndALateCdrOfSuchADateIsNotCounted() {
        MarketingTopology.Rules rules = new MarketingTopology.Rules(MarketingFixture.ZONE, "US", 3);
        // New York dates 1, 2 and 4 March; then, late, one of 1 March again.
        driver = driver(rules, DIRECTORY, List.of(call("1", "2026-03-01T15:00:00Z"), call("2", "2026-03-02T15:00:00Z"),
                call("3", "2026-03-04T15:00:00Z"), call("4", "2026-03-01T16:00:00Z")));
        LiveTemplates live = live(driver, rules);
        TemplateQuery all = new TemplateQuery(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-03-31"), "day", null, null, null, null, 0, 100, 0);
        assertThat(live.firstDate()).contains(LocalDate.parse("2026-03-02"));
        assertThat(live.duration(all)).containsExactly(new Duration(LocalDate.parse("2026-03-02"), null, 1, 60),
                new Duration(LocalDate.parse("2026-03-04"), null, 1, 60));
        assertThat(live.personTags(all)).singleElement().extracting(TemplateRows.PersonTag::calls).isEqualTo(2L);
        for (String store : List.of(MarketingStores.HOURS, MarketingStores.BUSINESS, MarketingStores.PEOPLE)) {
            KeyValueStore<String, Object> s = driver.getKeyValueStore(store);
            try (KeyValueIterator<String, Object> it = s.all()) {
                it.forEachRemaining(kv -> assertThat(kv.key).as(store).doesNotStartWith("2026-03-01"));
            }
        }
    }
}
