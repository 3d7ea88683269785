package dev.switchboard.ivr;

import static dev.switchboard.ivr.IvrFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.app.Switchboard;
import dev.switchboard.ingest.Receipt;
import dev.switchboard.mediation.Counts;
import dev.switchboard.platform.Settings;
import dev.switchboard.store.Dialect;
import dev.switchboard.store.QueryResult;
import dev.switchboard.store.ReadOnlyQuery;
import dev.switchboard.store.StoreFixtures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * IVR sessions through the real pipeline (embedded Kafka, Streams, the store sink) into
 * {@code raw_session_data}, {@code conversation_data} and {@code ivr_error}, on DuckDB and (with
 * {@code SWITCHBOARD_TEST_PG}) PostgreSQL; ingesting the same file again doubles nothing.
 */
class IvrPipelineIT {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void sessionsAndTurnsAreStoredOnceAndRejectsKept(Dialect dialect) throws Exception {
        ObjectNode pretty = session();
        ObjectNode second = session().put("session_id", "s-2").put("customer_id", "c-2").put("resolution_status", "escalated")
                .put("escalation_flag", "yes").put("call_duration_sec", 7);
        ObjectNode bad = session().put("session_id", "s-3").put("call_end_time", "2026-03-02T09:00:00Z");
        String file = pretty.toPrettyString() + "\n" + second + second + "\n" + bad + "\n";
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(dialect, dir)) {
            Map<String, String> flags = new HashMap<>(Map.of("data", dir.resolve("data").toString(), "roles", "ingest,stream,store",
                    "zone", "UTC", "marketing-live-days", "0"));
            if (dialect == Dialect.POSTGRES) flags.put("db", store.url());
            Settings settings = Settings.resolve(flags, Map.of());
            try (Switchboard sb = Switchboard.start(settings)) {
                for (String run : List.of("r1", "r2")) {
                    String source = "file:ivr.json#" + run;
                    Receipt receipt = sb.ingest().orElseThrow().ingestFile(IvrTopics.KIND, IvrMediator.FORMAT, source,
                            new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));
                    assertThat(receipt.accepted()).isEqualTo(4);
                    Counts expected = run.equals("r1") ? new Counts(4, 2, 1, 1) : new Counts(4, 0, 1, 3);
                    assertThat(await(sb, source)).isEqualTo(expected);
                }
                sb.storeProgress().awaitStored(Duration.ofSeconds(60), settings.commitInterval());
                var db = sb.database().orElseThrow();
                QueryResult sessions = ReadOnlyQuery.run(db, "select session_id, customer_id, call_duration_sec, resolution_status, "
                        + "escalation_flag, system_error_flag, topic_name, source_file, conversation from raw_session_data order by session_id", 10);
                assertThat(sessions.rows()).containsExactly(
                        List.of("s-1", "c-1", 120, "Resolved", "N", "N", "Payment Issue", "ivr.json",
                                "Customer: My payment failed\nChatbot: I can help with that"),
                        List.of("s-2", "c-2", 120, "Escalated", "Y", "N", "Payment Issue", "ivr.json",
                                "Customer: My payment failed\nChatbot: I can help with that"));
                QueryResult turns = ReadOnlyQuery.run(db, "select session_id, turn_number, speaker, intent_detected, intent_name, "
                        + "cast(confidence_score as varchar) is null from conversation_data order by session_id, turn_number", 10);
                assertThat(turns.rows()).containsExactly(
                        java.util.Arrays.asList("s-1", 1, "Customer", "Y", "payment_issue", false),
                        java.util.Arrays.asList("s-1", 2, "Chatbot", "N", null, true),
                        java.util.Arrays.asList("s-2", 1, "Customer", "Y", "payment_issue", false),
                        java.util.Arrays.asList("s-2", 2, "Chatbot", "N", null, true));
                QueryResult confidence = ReadOnlyQuery.run(db, "select confidence_score from conversation_data where turn_number = 1", 10);
                assertThat(new java.math.BigDecimal(String.valueOf(confidence.rows().get(0).get(0)))).isEqualByComparingTo("0.91");
                QueryResult errors = ReadOnlyQuery.run(db, "select reasons, source from ivr_error order by source", 10);
                assertThat(errors.rows()).containsExactly(List.of("END_BEFORE_START:call_end_time", "file:ivr.json#r1"),
                        List.of("END_BEFORE_START:call_end_time", "file:ivr.json#r2"));
                // demo's history is sent only to a store without sessions
                assertThat(IvrDemoHistory.seedIfEmpty(sb.database(), sb.ingest().orElseThrow(), java.time.Clock.systemUTC())).isZero();
            }
        }
    }

    private static Counts await(Switchboard sb, String source) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Counts c = sb.ivrAccounting().orElseThrow().bySource().getOrDefault(source, Counts.ZERO);
            if (c.in() == 4 && c.drained()) return c;
            assertThat(System.nanoTime()).as("not accounted: %s", c).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
