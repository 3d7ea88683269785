package dev.switchboard.cli;

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

/** Talks to a running Switchboard over its HTTP API (commands use it when the data folder is taken or --server is given). */
final class ServerClient {
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ServerClient(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    String base() {
        return base;
    }

    JsonNode get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET().build());
    }

    JsonNode post(String pathAndQuery, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** A POST with extra request headers (e.g. the admin token). */
    JsonNode post(String pathAndQuery, String contentType, byte[] body, java.util.Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).header("Content-Type", contentType);
        headers.forEach(b::header);
        return send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** A GET whose answer is text (CSV, HTML), returned as it is; an error answer is reported like {@link #get}. */
    String getText(String pathAndQuery) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() >= 400) {
                JsonNode body = Json.MAPPER.readTree(response.body().isEmpty() ? "{}" : response.body());
                throw new UserError(body.path("error").asText("HTTP " + response.statusCode())
                        + (body.path("details").isMissingNode() ? "" : ": " + body.path("details").asText()));
            }
            return response.body();
        } catch (IOException e) {
            throw new UserError("cannot reach Switchboard at " + base + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted");
        }
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = Json.MAPPER.readTree(response.body().isEmpty() ? "{}" : response.body());
            if (response.statusCode() >= 400) {
                String error = body.path("error").asText("HTTP " + response.statusCode());
                String details = body.path("details").isMissingNode() ? "" : ": " + body.path("details").asText();
                throw new UserError(error + details);
            }
            return body;
        } catch (IOException e) {
            throw new UserError("cannot reach Switchboard at " + base + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted");
        }
    }
}
