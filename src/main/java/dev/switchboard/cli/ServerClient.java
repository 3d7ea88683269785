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

/**
 * Talks to a running Switchboard over its HTTP API (commands use it when the data folder is taken or --server is given),
 * with the API token of setting {@code token} (environment variable {@value #TOKEN_ENV}) when one is set.
 */
final class ServerClient {
    static final String TOKEN_ENV = "SWITCHBOARD_TOKEN";
    /** The command's {@code token} setting, taken when its settings are resolved (one command per process). */
    private static volatile String commandToken = "";
    private final String base;
    private final String token = commandToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ServerClient(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    String base() {
        return base;
    }

    JsonNode get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    JsonNode post(String pathAndQuery, String contentType, byte[] body) {
        return send(request(pathAndQuery)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** A POST with extra request headers (e.g. the admin token). */
    JsonNode post(String pathAndQuery, String contentType, byte[] body, java.util.Map<String, String> headers) {
        HttpRequest.Builder b = request(pathAndQuery).header("Content-Type", contentType);
        headers.forEach(b::header);
        return send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    JsonNode delete(String pathAndQuery) {
        return send(request(pathAndQuery).DELETE().build());
    }

    /** A GET whose answer is text (CSV, HTML), returned as it is; an error answer is reported like {@link #get}. */
    String getText(String pathAndQuery) {
        try {
            HttpResponse<String> response = http.send(request(pathAndQuery).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() >= 400) {
                JsonNode body = Json.MAPPER.readTree(response.body().isEmpty() ? "{}" : response.body());
                throw new UserError(body.path("error").asText("HTTP " + response.statusCode())
                        + (body.path("details").isMissingNode() ? "" : ": " + body.path("details").asText()) + hint(response.statusCode()));
            }
            return response.body();
        } catch (IOException e) {
            throw new UserError("cannot reach Switchboard at " + base + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted");
        }
    }

    static void useToken(String token) {
        commandToken = token == null ? "" : token.strip();
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery));
        if (!token.isEmpty()) b.header("Authorization", "Bearer " + token);
        return b;
    }

    private String hint(int status) {
        if (status == 401) return token.isEmpty() ? " (set " + TOKEN_ENV + " to an API token)" : " (check " + TOKEN_ENV + ")";
        if (status == 403) return " (" + TOKEN_ENV + " holds a token whose role does not allow this)";
        return "";
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
                throw new UserError(error + details + hint(response.statusCode()));
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
