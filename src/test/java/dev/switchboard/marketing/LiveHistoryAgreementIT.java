package dev.switchboard.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrFormat;
import dev.switchboard.cdr.CdrHistory;
import dev.switchboard.cdr.CdrType;
import dev.switchboard.generate.CdrGenerator;
import dev.switchboard.generate.CdrWorkload;
import dev.switchboard.generate.SubscriberBase;
import dev.switchboard.marketing.TemplateRows.Country;
import dev.switchboard.marketing.TemplateRows.PersonTag;
import dev.switchboard.marketing.live.LiveTemplates;
import dev.switchboard.marketing.live.MarketingTopology;
import dev.switchboard.platform.Json;
import dev.switchboard.store.Database;
import dev.switchboard.store.Dialect;
import dev.switchboard.store.StoreFixtures;
import dev.switchboard.store.TableMapping;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import dev.switchboard.app.Switchboard;
import dev.switchboard.cdr.CdrTopics;
import dev.switchboard.platform.Settings;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The live view and the SQL view agree on the same data: 20,000 generated CDRs (the default US base and
 * directory, a third of calls to businesses, a tenth abroad, a quarter SMS; New York time over three
 * weeks that take in the switch to summer time) go to the history through the sink's mapping and
 * through the marketing topology of a running process (the stream role, embedded broker, exactly-once, two
 * partitions); every template answers the same rows from both, for whole and part
 * ranges, groupings, filters and pages.
 */
class LiveHistoryAgreementIT {
    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final MarketingTopology.Rules RULES = new MarketingTopology.Rules(ZONE, "US", 35);
    static final SubscriberBase BASE = SubscriberBase.create("US", SubscriberBase.DEFAULT_SIZE, SubscriberBase.DEFAULT_SEED);
    static List<Cdr> cdrs;
    static Switchboard sb;
    @TempDir static Path data;
    static LiveTemplates live;
    static LocalDate first, last;

    @TempDir Path dir;

    @BeforeAll
    static void generateAndStream() throws Exception {
        CdrWorkload w = CdrWorkload.builder().count(20_000).seed(11).errorRate(0).duplicateRate(0).businessShare(0.3).internationalShare(0.1)
                .zone(ZONE).start(Instant.parse("2025-02-24T05:00:00Z")).gap(dev.switchboard.generate.GapDistribution.EXPONENTIAL, 100).build();
        cdrs = new ArrayList<>();
        var lines = new CdrGenerator(w, BASE).lines(CdrFormat.CDR_JSON);
        while (lines.hasNext()) cdrs.add(Json.MAPPER.readValue(lines.next(), Cdr.class));
        first = cdrs.stream().map(c -> c.startTime().atZone(ZONE).toLocalDate()).min(Comparator.naturalOrder()).orElseThrow();
        last = cdrs.stream().map(c -> c.startTime().atZone(ZONE).toLocalDate()).max(Comparator.naturalOrder()).orElseThrow();
        assertThat(SubscriberBase.loadOrCreate(data, "US").businesses()).isEqualTo(BASE.businesses());
        assertThat(first.plusDays(RULES.days() - 1)).as("the whole run fits the live window").isAfterOrEqualTo(last);
        assertThat(last).isAfter(LocalDate.parse("2025-03-09")); // summer time starts inside the run
        assertThat(cdrs.stream().filter(c -> c.type() == CdrType.SMS)).isNotEmpty();
        // The stream role alone: no history store in the process, so the live side calls the region's default directory, as BASE does.
        Settings settings = Settings.resolve(Map.of("data", data.toString(), "roles", "stream", "zone", ZONE.getId(), "region", "US"), Map.of());
        sb = Switchboard.start(settings);
        live = sb.liveTemplates().orElseThrow();
        long voice = cdrs.stream().filter(c -> c.type() == CdrType.VOICE).count();
        long t0 = System.nanoTime();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, sb.bootstrap());
        try (KafkaProducer<String, Cdr> producer = new KafkaProducer<>(p, CdrTopics.CLEAN.keySerde().serializer(), CdrTopics.CLEAN.valueSerde().serializer())) {
            for (Cdr c : cdrs) producer.send(new ProducerRecord<>(CdrTopics.CLEAN.name(), c.callingNumber(), c)); // keyed as mediation keys them
        }
        long counted = 0, deadline = System.nanoTime() + java.time.Duration.ofSeconds(120).toNanos();
        while (counted < voice && System.nanoTime() < deadline) {
            Thread.sleep(100);
            try {
                counted = live.duration(TemplateQuery.of(first, last)).stream().mapToLong(TemplateRows.Duration::calls).sum();
            } catch (InvalidStateStoreException e) {
                // the stores are not queryable during a rebalance: ask again
            }
        }
        System.out.printf("live templates: %,d CDRs (%,d voice) counted through the embedded broker in %d ms%n", cdrs.size(), voice,
                (System.nanoTime() - t0) / 1_000_000);
        assertThat(counted).isEqualTo(voice);
    }

    @AfterAll
    static void stop() {
        if (sb != null) sb.close();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void everyTemplateAgreesWithTheHistory(Dialect dialect) throws Exception {
        try (StoreFixtures.TestStore s = StoreFixtures.fresh(dialect, dir); Database db = s.open()) {
            @SuppressWarnings("unchecked")
            TableMapping<Cdr> rows = (TableMapping<Cdr>) CdrHistory.routes().get(0).mapping();
            db.write(rows, cdrs);
            new DirectoryStore(db).importEntries(BASE.businesses().entries(), DirectoryStore.Mode.REPLACE);
            if (dialect == Dialect.POSTGRES) analyze(db); // as autovacuum would within a minute; without statistics each query took ~2 s here
            HistoryTemplates history = new HistoryTemplates(db, ZONE, "US");

            TemplateQuery whole = q(first, last, null, null, null, null, null, 0, TemplateQuery.MAX_LIMIT, 0);
            List<PersonTag> people = history.personTags(whole);
            List<Country> countries = history.countries(whole);
            assertThat(people).hasSizeGreaterThan(200);
            assertThat(people).filteredOn(p -> !p.tag().equals("PRIVATE")).hasSizeGreaterThan(100);
            assertThat(countries).hasSizeGreaterThan(3);
            String caller = people.get(people.size() / 2).caller();

            List<TemplateQuery> queries = List.of(whole,
                    TemplateQuery.of(first, last),
                    q(first.minusDays(10), first.plusDays(2), null, null, null, null, null, 0, 1000, 0),
                    q(first.plusDays(5), first.plusDays(12), "day", null, null, null, null, 0, 1000, 0),
                    q(first, last, "day", null, null, null, null, 0, 1000, 0),
                    q(first, last, "day_hour", null, null, null, null, 0, 1000, 0),
                    q(LocalDate.parse("2025-03-08"), LocalDate.parse("2025-03-10"), "day_hour", null, null, null, null, 0, 1000, 0),
                    q(first, last, null, "ad", null, countries.get(0).region(), null, 0, 1000, 0),
                    q(first, last, null, null, "banking", null, null, 0, 1000, 0),
                    q(first, last, null, "private", null, null, null, 0, 1000, 0),
                    q(first, last, null, null, null, null, caller, 0, 1000, 0),
                    q(first.plusDays(3), first.plusDays(3), null, null, null, null, caller, 0, 1000, 0),
                    q(first, last, null, null, null, null, null, 40, 1000, 0),
                    q(first, last, null, null, null, null, null, 0, 50, 100),
                    q(first.plusDays(1), last.minusDays(1), null, "business", null, null, null, 5, 30, 10),
                    q(last.plusDays(1), last.plusDays(3), null, null, null, null, null, 0, 1000, 0));
            for (TemplateQuery query : queries) {
                agree("duration", history::duration, live::duration, query);
                agree("business", history::business, live::business, query);
                agree("personTags", history::personTags, live::personTags, query);
                agree("countries", history::countries, live::countries, query);
                agree("bestTimes", history::bestTimes, live::bestTimes, query);
            }
            assertThat(live.personTags(whole)).isEqualTo(people);
        }
    }

    private static <T> void agree(String template, Function<TemplateQuery, List<T>> history, Function<TemplateQuery, List<T>> live, TemplateQuery q) {
        assertThat(live.apply(q)).as(template + " " + q).isEqualTo(history.apply(q));
    }

    private static TemplateQuery q(LocalDate from, LocalDate to, String group, String tag, String type, String region, String caller, int minCalls,
                                   int limit, int offset) {
        return new TemplateQuery(from, to, group, tag, type, region, caller, minCalls, limit, offset);
    }

    /** Table statistics for PostgreSQL's planner (docs/MARKETING.md, SQL). */
    static void analyze(Database db) throws java.sql.SQLException {
        try (java.sql.Connection c = db.connect(); java.sql.Statement st = c.createStatement()) {
            st.execute("ANALYZE cdr");
            st.execute("ANALYZE business_directory");
        }
    }
}
