package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.app.Switchboard;
import dev.switchboard.platform.Json;
import dev.switchboard.platform.Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP edge on a real embedded platform: good bodies are accepted and flow through; bad ones get a 4xx JSON error and the server stays up. */
class HttpEdgeIT {
    @TempDir static Path dir;
    static Switchboard sb;
    static WebServer web;
    static String base;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        Settings settings = Settings.resolve(Map.of("data", dir.toString(), "roles", "ingest,stream,store,web", "port", "0",
                "max-body-bytes", "200000", "max-record-bytes", "1000",
                "max-records-per-request", "50"), Map.of());
        sb = Switchboard.start(settings);
        web = new WebServer(sb).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + web.port();
    }

    @AfterAll
    static void stop() {
        web.close();
        sb.close();
    }

    @Test
    void jsonNdjsonAndCsvBodiesAreAcceptedAndAccountedFor() throws Exception {
        String array = "[" + cdr("h-1", "+12025550143") + "," + cdr("h-2", "2025550144") + ",{\"id\":\"h-3\"}]";
        JsonNode a = post("/api/ingest/cdr?source=edge-json", "application/json", array, 202);
        assertThat(a.path("accepted").asLong()).isEqualTo(3);
        assertThat(a.path("rejected").asLong()).isZero();
        post("/api/ingest/cdr?source=edge-ndjson", "application/x-ndjson", cdr("h-4", "+12025550145") + "\n\n" + cdr("h-4", "+12025550145") + "\n", 202);
        post("/api/ingest/cdr?source=edge-csv", "text/csv",
                "id,calling_number,called_number,start_time,duration_sec,type,result,operator\n"
                        + "h-5,+12025550146,+12025550147,2026-03-02T10:00:00Z,30,VOICE,ANSWERED,Nimbus\n", 202);

        JsonNode json = awaitAccounted("edge-json", 3);
        assertThat(json.path("cdr").path("clean").asLong()).isEqualTo(2);
        assertThat(json.path("cdr").path("error").asLong()).isEqualTo(1);
        JsonNode nd = awaitAccounted("edge-ndjson", 2);
        assertThat(nd.path("cdr").path("duplicate").asLong()).isEqualTo(1);
        assertThat(awaitAccounted("edge-csv", 1).path("cdr").path("clean").asLong()).isEqualTo(1);
    }

    @Test
    void aRecordOverTheSizeLimitIsRejectedAtTheEdgeAndTheRestAccepted() throws Exception {
        String big = "{\"id\":\"" + "x".repeat(2000) + "\"}";
        JsonNode r = post("/api/ingest/cdr?source=edge-big", "application/x-ndjson", cdr("b-1", "+12025550150") + "\n" + big + "\n", 202);
        assertThat(r.path("accepted").asLong()).isEqualTo(1);
        assertThat(r.path("rejected").asLong()).isEqualTo(1);
        assertThat(r.path("rejections").get(0).asText()).contains("record 2").contains("longer than 1000 bytes");
    }

    @Test
    void badInputGetsA4xxJsonErrorAndTheServerKeepsRunning() throws Exception {
        assertError(post("/api/ingest/cdr", "application/json", "[{\"id\": 1,", 400), "bad body");
        assertError(post("/api/ingest/cdr", "application/json", "42", 400), "bad body");
        assertError(post("/api/ingest/cdr", "application/json", "\"just text\"", 400), "bad body");
        assertError(post("/api/ingest/cdr", "application/json", "", 400), "bad body");
        assertError(post("/api/ingest/cdr", "application/x-ndjson", "\n\n", 400), "bad body");
        assertError(post("/api/ingest/cdr", "application/x-ndjson", "x".repeat(100) + "\n" + ("y".repeat(99) + "\n").repeat(3000), 413), "body too large");
        assertError(post("/api/ingest/parcel", "application/json", "[]", 404), "unknown kind");
        assertError(post("/api/ingest/cdr", "application/xml", "<cdr/>", 415), "unsupported input");
        assertError(post("/api/ingest/cdr?format=fax", "application/json", "[]", 415), "unsupported input");
        assertError(post("/api/ingest/cdr?source=a%7Cb", "application/json", "[]", 400), "bad request");
        assertError(get("/api/nowhere", 404), "not found");
        assertError(get("/api/generator/cdr", 404), "not here"); // no generate role in this process
        assertError(post("/api/generator/cdr/start", "application/json", "", 404), "not here");
        assertError(post("/api/query", "text/plain", "delete from cdr", 400), "query refused");
        assertError(post("/api/query", "text/plain", "select 1; drop table cdr", 400), "query refused");
        assertError(post("/api/query", "text/plain", "select * from read_text('/etc/passwd')", 400), "query refused");
        assertError(post("/api/query", "application/json", "{\"sql\": \"from '/etc/passwd'\"}", 400), "query refused");
        assertThat(get("/health", 200).path("status").asText()).isEqualTo("UP");
    }

    @Test
    void queryMetricsAndHealthAnswer() throws Exception {
        JsonNode q = post("/api/query", "application/json", "{\"sql\": \"select 1 + 1 as two\"}", 200);
        assertThat(q.path("columns").get(0).asText()).isEqualTo("two");
        assertThat(q.path("rows").get(0).get(0).asInt()).isEqualTo(2);
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).contains("switchboard_records_total{kind=\"cdr\",outcome=\"in\"}")
                .contains("switchboard_store_healthy 1.0").contains("switchboard_store_write_failures_total 0.0");
        assertThat(get("/api/stats", 200).path("cdr").has("duplicate")).isTrue();
    }

    @Test
    void aBodyOverTheRecordLimitIsRefusedWholeWith413AndTheLimitInside() throws Exception {
        StringBuilder ndjson = new StringBuilder();
        for (int i = 1; i <= 51; i++) ndjson.append(cdr("m-" + i, "+12025550160")).append('\n');
        JsonNode refused = post("/api/ingest/cdr?source=edge-many", "application/x-ndjson", ndjson.toString(), 413);
        assertThat(refused.path("error").asText()).isEqualTo("too many records");
        assertThat(refused.path("details").asText()).contains("more than 50 records").contains("max-records-per-request")
                .contains("nothing was ingested").contains("split the input into requests of at most 50 records");
        StringBuilder csv = new StringBuilder("id,calling_number,called_number,start_time,duration_sec,type,result,operator\n");
        for (int i = 1; i <= 51; i++) csv.append("mc-").append(i).append(",+12025550161,+12025550162,2026-03-02T10:00:00Z,30,VOICE,ANSWERED,Nimbus\n");
        assertThat(post("/api/ingest/cdr?source=edge-many-csv", "text/csv", csv.toString(), 413).path("error").asText()).isEqualTo("too many records");

        // Exactly the limit passes; once it is accounted for, the refused bodies have still produced nothing.
        StringBuilder fifty = new StringBuilder();
        for (int i = 1; i <= 50; i++) fifty.append(cdr("f-" + i, "+12025550163")).append('\n');
        assertThat(post("/api/ingest/cdr?source=edge-fifty", "application/x-ndjson", fifty.toString(), 202).path("accepted").asLong()).isEqualTo(50);
        assertThat(awaitAccounted("edge-fifty", 50).path("cdr").path("clean").asLong()).isEqualTo(50);
        assertThat(get("/api/ingest/status?source=edge-many", 200).path("cdr").path("in").asLong()).isZero();
        assertThat(get("/api/ingest/status?source=edge-many-csv", 200).path("cdr").path("in").asLong()).isZero();
    }

    @Test
    void everyRouteThatReadsABodyAnswers413PastTheBodyLimitWithLengthOrChunked() throws Exception {
        byte[] big = ("{\"sql\": \"" + "x".repeat(250_000) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String[][] routes = {
                {"POST", "/api/query"}, {"POST", "/api/ingest/cdr"}, {"POST", "/api/customers"}, {"POST", "/api/customers/import"},
                {"PUT", "/api/customers/1"}, {"POST", "/api/tariffs"}, {"POST", "/api/tariffs/plans"}, {"PUT", "/api/tariffs/assignments/+33612345678"},
                {"POST", "/api/marketing/directory"}, {"PUT", "/api/marketing/directory/331"}, {"POST", "/api/marketing/plans"},
                {"POST", "/api/marketing/targets"}, {"POST", "/api/model/predict"}, {"POST", "/api/export"}};
        for (String[] route : routes) {
            // Without an admin-token setting the export answers 403 before it reads a body: only the declared length is over.
            boolean reads = !route[1].equals("/api/export");
            for (boolean chunked : reads ? new boolean[] {false, true} : new boolean[] {false}) {
                HttpRequest.BodyPublisher body = chunked
                        ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))
                        : HttpRequest.BodyPublishers.ofByteArray(big);
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + route[1])).header("Content-Type", "application/json")
                        .method(route[0], body).build(), HttpResponse.BodyHandlers.ofString());
                String what = route[0] + " " + route[1] + (chunked ? " chunked" : " with length") + " → " + r.body();
                assertThat(r.statusCode()).as(what).isEqualTo(413);
                JsonNode error = Json.MAPPER.readTree(r.body());
                assertThat(error.path("error").asText()).as(what).isEqualTo("body too large");
                assertThat(error.path("details").asText()).as(what).contains("larger than 200000 bytes").contains("max-body-bytes");
            }
        }
        assertThat(get("/health", 200).path("status").asText()).isEqualTo("UP");
    }

    private static String cdr(String id, String caller) {
        return "{\"id\":\"" + id + "\",\"calling_number\":\"" + caller + "\",\"called_number\":\"+442071838750\","
                + "\"start_time\":\"2026-03-02T10:00:00Z\",\"duration_sec\":42,\"type\":\"VOICE\",\"result\":\"ANSWERED\"}";
    }

    private static JsonNode awaitAccounted(String source, long sent) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode s = get("/api/ingest/status?source=" + source + "&sent=" + sent, 200);
            if (s.path("accounted").asBoolean()) return s;
            assertThat(System.nanoTime()).as("records of %s accounted for in time: %s", source, s).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static void assertError(JsonNode body, String error) {
        assertThat(body.path("error").asText()).isEqualTo(error);
        assertThat(body.path("details").asText()).isNotBlank();
    }

    private static JsonNode post(String path, String type, String body, int status) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s %s → %s", path, type, r.body()).isEqualTo(status);
        return Json.MAPPER.readTree(r.body());
    }

    private static JsonNode get(String path, int status) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s → %s", path, r.body()).isEqualTo(status);
        return Json.MAPPER.readTree(r.body());
    }
}
