package dev.switchboard.rating;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.app.Switchboard;
import dev.switchboard.platform.Json;
import dev.switchboard.platform.Settings;
import dev.switchboard.store.QueryResult;
import dev.switchboard.store.ReadOnlyQuery;
import dev.switchboard.web.WebServer;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clean CDRs priced in the real pipeline with the example tariffs: cost columns stored, proofs served, NO_RATE kept. */
class RatingIT {
    @TempDir Path dir;

    @Test
    void cdrsArePricedStoredAndExplained() throws Exception {
        Settings settings = Settings.resolve(Map.of("data", dir.toString(), "roles", "ingest,stream,store,web"), Map.of());
        String body = """
                {"id":"gb-call","calling_number":"+12025550101","called_number":"+442071838750","start_time":"2026-03-02T15:00:00Z","duration_sec":61,"type":"VOICE","result":"ANSWERED"}
                {"id":"gb-sms","calling_number":"+12025550101","called_number":"+442071838750","start_time":"2026-03-02T15:05:00Z","type":"SMS","result":"ANSWERED"}
                {"id":"tonga","calling_number":"+12025550101","called_number":"+6767715123","start_time":"2026-03-02T15:10:00Z","duration_sec":30,"type":"VOICE","result":"ANSWERED"}
                """;
        try (Switchboard sb = Switchboard.start(settings); WebServer web = new WebServer(sb).start("127.0.0.1", 0)) {
            sb.ingest().orElseThrow().ingestFile("cdr", "cdr-json", "t", new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            QueryResult rows;
            do {
                Thread.sleep(200);
                sb.storeProgress().awaitStored(Duration.ofSeconds(60), settings.commitInterval());
                rows = ReadOnlyQuery.run(sb.database().orElseThrow(), "select id, cost, currency, rate_id from cdr order by id", 10);
            } while ((rows.rows().size() < 3 || rows.rows().stream().filter(r -> r.get(1) != null).count() < 2) && System.nanoTime() < deadline);

            // Default plan basic v1 (no subscriber assignment for this number): GB 0.12 per started minute, 61 s -> 2 min = 0.24; an SMS to GB 0.25.
            assertThat(rows.rows()).hasSize(3);
            assertThat(new BigDecimal(rows.rows().get(0).get(1).toString())).isEqualByComparingTo("0.24");
            assertThat(rows.rows().get(0).subList(2, 4)).containsExactly("USD", "gb");
            assertThat(new BigDecimal(rows.rows().get(1).get(1).toString())).isEqualByComparingTo("0.25");
            assertThat(rows.rows().get(2).get(1)).as("Tonga has no rate: stored unpriced").isNull();
            QueryResult errors = ReadOnlyQuery.run(sb.database().orElseThrow(), "select reasons, source from cdr_error", 10);
            assertThat(errors.rows()).containsExactly(List.of("NO_RATE", "rating"));

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> proof = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + "/api/cdr/gb-call/cost")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(proof.statusCode()).isEqualTo(200);
            JsonNode p = Json.MAPPER.readTree(proof.body());
            assertThat(p.path("check").asBoolean()).isTrue();
            assertThat(p.path("plan_id").asText()).isEqualTo("basic");
            assertThat(p.path("matched_prefix").asText()).isEqualTo("44");
            assertThat(p.path("billed_seconds").asLong()).isEqualTo(120);
            assertThat(new BigDecimal(p.path("total").asText())).isEqualByComparingTo("0.24");
            assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + "/api/cdr/tonga/cost")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
            assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + "/api/cdr/nope/cost")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        }
    }
}
