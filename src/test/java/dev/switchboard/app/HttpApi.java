package dev.switchboard.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.platform.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A test's HTTP client of a Switchboard process, as an outside client would use it: plain requests, every one bounded in time. */
final class HttpApi {
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HttpApi(String base) {
        this.base = base;
    }

    /** A status and its JSON body; status -1 when no answer came (connection refused or cut, a timeout). */
    record Answer(int status, JsonNode body, String failure) {
        boolean is(int expected) {
            return status == expected;
        }
    }

    Answer post(String pathAndQuery, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    Answer get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(60)).GET().build());
    }

    /** A GET that must answer 200: its body. */
    JsonNode getOk(String pathAndQuery) {
        Answer a = get(pathAndQuery);
        if (!a.is(200)) throw new IllegalStateException("GET " + pathAndQuery + " answered " + a.status() + ": " + (a.body() != null ? a.body() : a.failure()));
        return a.body();
    }

    /** The first cell of a read-only query's answer, as a number. */
    long queryLong(String sql) {
        return getOk("/api/query?sql=" + URLEncoder.encode(sql, StandardCharsets.UTF_8)).path("rows").path(0).path(0).asLong();
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body = response.body().isEmpty() ? null : Json.MAPPER.readTree(response.body());
            return new Answer(response.statusCode(), body, null);
        } catch (IOException e) {
            return new Answer(-1, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, null, "interrupted");
        }
    }
}
