package dev.switchboard.predict;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.platform.Json;
import dev.switchboard.store.Database;
import dev.switchboard.store.Dialect;
import dev.switchboard.store.StoreFixtures;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The model API on a real HTTP server over a DuckDB store with a simulated history: nothing before training, then report and scores. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelRoutesIT {
    @TempDir static Path dir;
    static StoreFixtures.TestStore store;
    static Database db;
    static Javalin app;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        store = StoreFixtures.fresh(Dialect.DUCKDB, dir);
        db = store.open();
        PredictFixtures.simulatedHistory(db, 2_000, 5_000, 3);
        ModelTraining training = new ModelTraining(new TrainingHistory(db, PredictFixtures.ZONE), new ModelRegistry(db, dir.resolve("models")),
                new CurrentModel(), Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.jsonMapper(new JavalinJackson(Json.MAPPER, false));
        });
        new ModelRoutes(training, new LiveAccuracy(db, PredictFixtures.ZONE), PredictFixtures.ZONE).register(app);
        app.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        app.stop();
        db.close();
        store.close();
    }

    @Test
    @Order(1)
    void beforeAnyTrainingThereIsNoModelToShowOrScoreWith() throws Exception {
        HttpResponse<String> model = send("GET", "/api/model", null);
        assertThat(model.statusCode()).isEqualTo(404);
        assertThat(Json.MAPPER.readTree(model.body()).path("error").asText()).isEqualTo("no model");
        assertThat(send("POST", "/api/model/predict", "{\"hour\": 9, \"weekday\": \"MON\"}").statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/model/train?from=yesterday", null).statusCode()).isEqualTo(400);
    }

    @Test
    @Order(2)
    void trainingAnswersTheReportAndGetModelShowsIt() throws Exception {
        HttpResponse<String> trained = send("POST", "/api/model/train?simulated=true", null);
        assertThat(trained.statusCode()).isEqualTo(200);
        JsonNode outcome = Json.MAPPER.readTree(trained.body());
        assertThat(outcome.path("installed").asBoolean()).isTrue();

        JsonNode model = Json.MAPPER.readTree(send("GET", "/api/model", null).body());
        assertThat(model.path("version").asInt()).isEqualTo(1);
        assertThat(model.path("accuracy").asDouble()).isBetween(0.3, 1.0);
        assertThat(model.path("baseline_accuracy").asDouble()).isBetween(0.2, 1.0);
        assertThat(model.path("bayes_optimal_accuracy").asDouble()).isBetween(0.3, 1.0);
        assertThat(model.path("test").path("confusion")).hasSize(4);
        assertThat(model.path("test").path("reliability")).hasSize(10);
        assertThat(model.path("candidates")).hasSize(2);
        JsonNode versions = Json.MAPPER.readTree(send("GET", "/api/model/versions", null).body());
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).path("active").asBoolean()).isTrue();
    }

    @Test
    @Order(3)
    void scoresADescribedCaller() throws Exception {
        HttpResponse<String> r = send("POST", "/api/model/predict", """
                {"city": "Riverside", "sex": "F", "age": 70, "products": ["TV", "FIBER_100", "MOBILE_BASIC"], "calls_last_30d": 4,
                 "calls_last_7d": 2, "last_call": "COMPLAINT", "time": "2025-02-03T09:15:00Z", "queue": "support"}""");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = Json.MAPPER.readTree(r.body());
        assertThat(body.path("version").asInt()).isEqualTo(1);
        assertThat(body.path("subject").asText()).isIn("JOINING", "COMPLAINT", "DISCONNECTION", "OTHER");
        double sum = 0;
        for (JsonNode p : body.path("probabilities")) sum += p.asDouble();
        assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(body.path("probabilities")).hasSize(4);
    }

    @Test
    @Order(4)
    void aBadDescriptionIs400WithEveryProblemListed() throws Exception {
        HttpResponse<String> r = send("POST", "/api/model/predict", "{\"sex\": \"X\", \"age\": -3, \"calls_last_30d\": 1, \"calls_last_7d\": 2, \"weekday\": \"FUNDAY\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode details = Json.MAPPER.readTree(r.body()).path("details");
        assertThat(details.toString()).contains("sex: F or M", "age: an integer 0..130", "hour: required", "weekday: MON..SUN",
                "calls_last_7d: must not exceed calls_last_30d");
        assertThat(send("POST", "/api/model/predict", "not json").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/model/predict", "[1, 2]").statusCode()).isEqualTo(400);
    }

    @Test
    @Order(5)
    void theDaysPredictionsAreCountedAgainstTheTruth() throws Exception {
        // 2030-01-02 in Paris: 2 right complaints, a complaint that was OTHER, a right OTHER, one not scored, one without a subject.
        String[][] calls = {{"COMPLAINT", "COMPLAINT"}, {"COMPLAINT", "COMPLAINT"}, {"COMPLAINT", "OTHER"}, {"OTHER", "OTHER"}, {null, "JOINING"},
                {"JOINING", null}};
        db.inTransaction("live accuracy fixture", c -> {
            try (var ps = c.prepareStatement("INSERT INTO call (call_id, queued_at, ended_at, outcome, predicted_subject, subject) VALUES (?, ?, ?, 'ANSWERED', ?, ?)")) {
                for (int i = 0; i < calls.length; i++) {
                    var at = java.time.OffsetDateTime.parse("2030-01-02T10:00:00Z").plusMinutes(i);
                    ps.setString(1, "live-" + i);
                    ps.setObject(2, at);
                    ps.setObject(3, at.plusMinutes(3));
                    ps.setString(4, calls[i][0]);
                    ps.setString(5, calls[i][1]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
        JsonNode day = Json.MAPPER.readTree(send("GET", "/api/model/live?date=2030-01-02", null).body());
        assertThat(day.path("scored").asLong()).isEqualTo(4);
        assertThat(day.path("correct").asLong()).isEqualTo(3);
        assertThat(day.path("accuracy").asDouble()).isEqualTo(0.75);
        assertThat(day.path("not_scored").asLong()).isEqualTo(1);
        assertThat(day.at("/by_subject/COMPLAINT").toString()).isEqualTo("{\"predicted\":3,\"predicted_right\":2,\"actual\":2}");
        assertThat(day.at("/by_subject/OTHER").toString()).isEqualTo("{\"predicted\":1,\"predicted_right\":1,\"actual\":2}");
        JsonNode empty = Json.MAPPER.readTree(send("GET", "/api/model/live?date=2030-01-03", null).body());
        assertThat(empty.path("scored").asLong()).isZero();
        assertThat(empty.path("accuracy").isNull()).isTrue();
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
