package dev.switchboard.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static dev.switchboard.ivr.IvrFixtures.FIXTURE;
import static dev.switchboard.ivr.IvrFixtures.session;
import static dev.switchboard.ivr.IvrFixtures.store;
import static dev.switchboard.ivr.IvrFixtures.storeTurns;

import dev.switchboard.store.Database;
import dev.switchboard.store.Dialect;
import dev.switchboard.store.StoreFixtures;
import dev.switchboard.store.TableMapping;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link IvrKpis} on {@link IvrFixtures}, whose figures are worked out by hand, on DuckDB and PostgreSQL. */
class IvrKpisIT {
    private static final ZoneId PARIS = IvrFixtures.PARIS;
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void figuresMatchTheHandComputedOnes(Dialect dialect) throws Exception {
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(dialect, dir); Database db = store.open()) {
            store(db, FIXTURE);
            IvrKpis kpis = new IvrKpis(db, PARIS);

            IvrKpis.Summary all = kpis.summary(null, null);
            assertThat(all.customers()).isEqualTo(4);
            assertThat(all.tally()).isEqualTo(new IvrKpis.Tally(6, 4, 1, 1, 640));
            assertThat(all.tally().resolutionRate()).isCloseTo(4.0 / 6, within(1e-12));
            assertThat(all.tally().escalationRate()).isCloseTo(1.0 / 6, within(1e-12));
            assertThat(all.tally().abandonmentRate()).isCloseTo(1.0 / 6, within(1e-12));
            assertThat(all.tally().averageDurationSec()).isCloseTo(640.0 / 6, within(1e-9));

            IvrKpis.Summary february = kpis.summary(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-28"));
            assertThat(february.customers()).isEqualTo(2);
            assertThat(february.tally()).isEqualTo(new IvrKpis.Tally(3, 2, 0, 1, 200));

            assertThat(kpis.byMonth(null, null)).containsExactly(
                    new IvrKpis.Month("2026-01", new IvrKpis.Tally(2, 1, 1, 0, 400)),
                    new IvrKpis.Month("2026-02", new IvrKpis.Tally(3, 2, 0, 1, 200)),
                    new IvrKpis.Month("2026-03", new IvrKpis.Tally(1, 1, 0, 0, 40)));

            List<IvrKpis.Topic> topics = kpis.byTopic(null, null);
            assertThat(topics).extracting(IvrKpis.Topic::topicName).containsExactly("Payment Issue", "Modem Setup", "Password Reset");
            assertThat(topics.get(0).tally()).isEqualTo(new IvrKpis.Tally(3, 2, 1, 0, 520));
            assertThat(topics.get(0).vsOverall()).isCloseTo(0.0, within(1e-12));
            assertThat(topics.get(1).tally()).isEqualTo(new IvrKpis.Tally(2, 1, 0, 1, 80));
            assertThat(topics.get(1).vsOverall()).isCloseTo(0.5 - 4.0 / 6, within(1e-12));
            assertThat(topics.get(2).vsOverall()).isCloseTo(1 - 4.0 / 6, within(1e-12));
            assertThat(topics.get(2).topicType()).isEqualTo("Account");

            Map<String, Long> none = new HashMap<>();
            none.put(null, 1L);
            assertThat(kpis.sentimentByTopic(null, null)).containsExactly(
                    new IvrKpis.Sentiment("Modem Setup", Map.of("Neutral", 1L, "Negative", 1L)),
                    new IvrKpis.Sentiment("Password Reset", none),
                    new IvrKpis.Sentiment("Payment Issue", Map.of("Positive", 2L, "Negative", 1L)));

            IvrKpis.Summary empty = kpis.summary(LocalDate.parse("2027-01-01"), null);
            assertThat(empty.tally().sessions()).isZero();
            assertThat(empty.tally().resolutionRate()).isNull();
        }
    }

    /**
     * Customer 1 (+15550001) has two rated calls (1.50 and 2.50 EUR) and three sessions: s1 resolved by the
     * bot, s2 escalated, s3 resolved after an agent joined. Customer 2 has only an unrated call, customer 9
     * is not a known customer: neither counts. So 3 contacts, 2 resolved, 1 by the bot alone (1/3), and
     * 4.00 EUR over 2 resolved contacts = 2.00 EUR each.
     */
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void botToBillCountsTheCustomersWithRatedCalls(Dialect dialect) throws Exception {
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(dialect, dir); Database db = store.open()) {
            IvrSession agentResolved = session("s3", "1", "2026-02-03T10:00:00Z", "Billing", "Payment Issue", IvrStatus.RESOLVED, 200, null);
            agentResolved = new IvrSession("s3", "1", agentResolved.callStartTime(), agentResolved.callEndTime(), 200, null, IvrStatus.RESOLVED,
                    "N", null, "N", null, "Billing", "Payment Issue", List.of(
                    new IvrTurn(1, agentResolved.callStartTime().plusSeconds(5), IvrSpeaker.CUSTOMER, "hi", "N", null, null),
                    new IvrTurn(2, agentResolved.callStartTime().plusSeconds(50), IvrSpeaker.AGENT, "hello", "N", null, null)), "fixture");
            List<IvrSession> sessions = List.of(
                    session("s1", "1", "2026-02-01T10:00:00Z", "Billing", "Payment Issue", IvrStatus.RESOLVED, 60, null),
                    session("s2", "1", "2026-02-02T10:00:00Z", "Billing", "Payment Issue", IvrStatus.ESCALATED, 300, null),
                    agentResolved,
                    session("s4", "2", "2026-02-04T10:00:00Z", "Billing", "Payment Issue", IvrStatus.RESOLVED, 60, null),
                    session("s5", "9", "2026-02-05T10:00:00Z", "Billing", "Payment Issue", IvrStatus.RESOLVED, 60, null));
            store(db, sessions);
            storeTurns(db, sessions);
            db.inTransaction("fixture", c -> {
                try (var s = c.createStatement()) {
                    for (int id = 1; id <= 2; id++) {
                        s.execute("INSERT INTO customer (id, name, national_id_enc, national_id_index, birth_date_enc, address_enc, sex, city,"
                                + " created_at, updated_at) VALUES (" + id + ", 'n', 'x', 'i" + id + "', 'x', 'x', 'F', 'Paris',"
                                + " TIMESTAMPTZ '2026-01-01 00:00:00+00', TIMESTAMPTZ '2026-01-01 00:00:00+00')");
                        s.execute("INSERT INTO customer_phone (number, customer_id) VALUES ('+1555000" + id + "', " + id + ")");
                    }
                    s.execute("INSERT INTO cdr (id, calling_number, called_number, start_time, duration_sec, type, result, cost, currency) VALUES"
                            + " ('a', '+15550001', '+15559999', TIMESTAMPTZ '2026-02-10 10:00:00+00', 60, 'VOICE', 'ANSWERED', 1.5, 'EUR'),"
                            + " ('b', '+15550001', '+15559999', TIMESTAMPTZ '2026-02-11 10:00:00+00', 60, 'VOICE', 'ANSWERED', 2.5, 'EUR'),"
                            + " ('c', '+15550002', '+15559999', TIMESTAMPTZ '2026-02-11 10:00:00+00', 60, 'VOICE', 'ANSWERED', NULL, NULL)");
                }
                return null;
            });
            IvrKpis.BotToBill b = new IvrKpis(db, PARIS).botToBill(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-28"));
            assertThat(List.of(b.customers(), b.contacts(), b.resolved(), b.botResolved())).containsExactly(1L, 3L, 2L, 1L);
            assertThat(b.botResolvedShare()).isCloseTo(1.0 / 3, within(1e-12));
            assertThat(b.charges()).hasSize(1);
            assertThat(b.charges().get(0).currency()).isEqualTo("EUR");
            assertThat(b.charges().get(0).amount()).isEqualByComparingTo("4.00");
            assertThat(b.charges().get(0).perResolvedContact()).isEqualByComparingTo("2.00");
            IvrKpis.BotToBill none = new IvrKpis(db, PARIS).botToBill(LocalDate.parse("2026-03-01"), null);
            assertThat(none.contacts()).isZero();
            assertThat(none.botResolvedShare()).isNull();
            assertThat(none.charges()).isEmpty();
        }
    }
}
