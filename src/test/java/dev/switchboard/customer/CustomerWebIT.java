package dev.switchboard.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.Switchboard;
import dev.switchboard.platform.Settings;
import dev.switchboard.web.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assembled process serves the customer API, with the key file made in the data folder and no admin token by default. */
class CustomerWebIT {
    @TempDir Path dir;

    @Test
    void theWebServerOfARealProcessServesCustomersAndProducts() throws Exception {
        Settings settings = Settings.resolve(Map.of("data", dir.toString(), "roles", "store,web", "port", "0"), Map.of());
        try (Switchboard sb = Switchboard.start(settings); WebServer web = new WebServer(sb).start("127.0.0.1", 0)) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + web.port();
            HttpResponse<String> products = http.send(HttpRequest.newBuilder(URI.create(base + "/api/products")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(products.statusCode()).isEqualTo(200);
            assertThat(products.body()).contains("MOBILE_UNLIMITED");
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/customers"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(dev.switchboard.platform.Json.MAPPER.writeValueAsString(CustomerFixtures.alice()))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.body()).contains("***-**-6789");
            HttpResponse<String> full = http.send(HttpRequest.newBuilder(URI.create(base + "/api/customers?full=true")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(full.statusCode()).isEqualTo(403);
            assertThat(Files.exists(CustomerKeys.file(dir))).isTrue();
        }
    }
}
