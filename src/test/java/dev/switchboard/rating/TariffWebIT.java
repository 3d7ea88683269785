package dev.switchboard.rating;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.Switchboard;
import dev.switchboard.generate.SubscriberBase;
import dev.switchboard.platform.Settings;
import dev.switchboard.web.WebServer;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real process stores the example tariff set on its first start, spread over the generator's subscribers, and serves it. */
class TariffWebIT {
    @TempDir Path dir;

    @Test
    void aFirstStartStoresTheExampleSetAndTheApiServesIt() throws Exception {
        Settings settings = Settings.resolve(Map.of("data", dir.toString(), "roles", "store,web", "port", "0"), Map.of());
        try (Switchboard sb = Switchboard.start(settings); WebServer web = new WebServer(sb).start("127.0.0.1", 0)) {
            Tariffs stored = sb.tariffs().orElseThrow().load().orElseThrow();
            assertThat(stored.plans()).isEqualTo(ExampleTariffs.load().plans());
            var subscribers = SubscriberBase.loadOrCreate(dir, "US").subscribers();
            assertThat(stored.assignments()).isNotEmpty();
            assertThat(subscribers).allSatisfy(s -> assertThat(stored.plans()).containsKey(stored.planOf(s.number())));
            HttpResponse<String> got = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + "/api/tariffs")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(got.statusCode()).isEqualTo(200);
            assertThat(TariffFiles.read(new StringReader(got.body()))).isEqualTo(stored);
        }
    }
}
