package dev.switchboard.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.app.Switchboard;
import dev.switchboard.generate.SubscriberBase;
import dev.switchboard.platform.Json;
import dev.switchboard.platform.Settings;
import dev.switchboard.web.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real process stores its region's default directory on its first start (the generator's businesses), serves it and keeps lookups current. */
class DirectoryWebIT {
    @TempDir Path dir;

    @Test
    void aFirstStartStoresTheDefaultDirectoryAndTheApiServesIt() throws Exception {
        Settings settings = Settings.resolve(Map.of("data", dir.toString(), "roles", "store,web", "port", "0"), Map.of());
        try (Switchboard sb = Switchboard.start(settings); WebServer web = new WebServer(sb).start("127.0.0.1", 0)) {
            BusinessDirectory stored = sb.directoryStore().orElseThrow().load();
            SubscriberBase base = SubscriberBase.loadOrCreate(dir, "US");
            assertThat(stored).isEqualTo(base.businesses());
            assertThat(stored.size()).isEqualTo(196);
            assertThat(base.subscribers()).allSatisfy(s -> assertThat(stored.tagOf(s.number())).isEqualTo(Tag.PRIVATE));
            DirectoryEntry food = stored.entries().stream().filter(e -> e.type() == BusinessType.FOOD).findFirst().orElseThrow();
            JsonNode found = get(web, "/api/marketing/directory/lookup/" + food.prefix().replace("+", "%2B"));
            assertThat(found.path("business_type").asText()).isEqualTo("FOOD");
            assertThat(found.path("name").asText()).isEqualTo(food.name());
            assertThat(get(web, "/api/marketing/directory?limit=5").path("total").asInt()).isEqualTo(196);

            sb.directoryStore().get().upsert(new DirectoryEntry(food.prefix(), BusinessType.JOB, null));
            assertThat(sb.directory().orElseThrow().get().find(food.prefix()).orElseThrow().type()).isEqualTo(BusinessType.JOB);
        }
    }

    static JsonNode get(WebServer web, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.MAPPER.readTree(r.body());
    }
}
