package dev.switchboard.cli;

import static dev.switchboard.contact.ContactFixtures.contact;
import static dev.switchboard.contact.ContactFixtures.transferred;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.app.Switchboard;
import dev.switchboard.platform.InstanceLock;
import dev.switchboard.platform.Json;
import dev.switchboard.platform.Settings;
import dev.switchboard.web.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contact records through the real pipeline (embedded broker, Streams, store sink, DuckDB) by the CLI:
 * a Firehose-like file (objects one per line, pretty-printed and concatenated) with new contacts, an update,
 * a replay, a stale version, a transfer pair and a malformed record; counters and rows exactly as expected.
 */
class ContactIngestIT {
    @TempDir Path dir;

    @Test
    void aDeliveryStreamFileIsVersionedCountedAndStoredNewestFirst() throws Exception {
        Path data = dir.resolve("data");
        Path file = dir.resolve("ctr.json");
        ObjectNode v200 = contact("c-1", 200, "Billing", "ana");
        v200.put("FieldFromTheFuture", 42);
        String pretty = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(v200);
        Files.writeString(file, String.join("\n",
                contact("c-1", 100, "Billing", null).toString(),                     // new
                contact("c-3", 100, "Sales", "bob").toString(),                      // new
                pretty,                                                              // update of c-1
                v200.toString() + contact("c-1", 150, "Billing", "eve").toString(),  // a replay and a stale version, concatenated
                contact("c-4", 100, "Billing", "ana").toString(),                    // new: first of a transfer chain
                transferred("c-5", "c-4", "c-4", 300, "Retention", "bob").toString(), // new: second of the chain
                "{\"ContactId\": \"c-6\", \"LastUpdateTimestamp\": \"2026-03-02T09:00:00Z\", \"Channel\": ",  // malformed, to the end of the file
                ""));
        CliRun ingest = CliRun.of("ingest", file.toString(), "--format", "ctr-json", "--data", data.toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        assertThat(ingest.out()).contains("in=8 new=4 updated=1 replayed=1 stale=1 error=1");

        CliRun rows = CliRun.of("query", "select contact_id, chain_id, agent_username, queue_name, queue_duration_sec, "
                + "json_extract_string(raw, '$.FieldFromTheFuture') as future from contact_record order by contact_id", "--format", "csv",
                "--data", data.toString());
        assertThat(rows.exitCode()).as(rows.err()).isZero();
        assertThat(rows.out().lines().toList()).containsExactly("contact_id,chain_id,agent_username,queue_name,queue_duration_sec,future",
                "c-1,c-1,ana,Billing,60,42", "c-3,c-3,bob,Sales,60,", "c-4,c-4,ana,Billing,60,", "c-5,c-4,bob,Retention,60,");
        CliRun calls = CliRun.of("query", "select count(distinct chain_id) from contact_record", "--format", "csv", "--data", data.toString());
        assertThat(calls.out().lines().skip(1).findFirst()).hasValue("3");
        // One call per chain in the call-center table: c-1 as first seen (abandoned), c-3, and c-4 for the chain c-4 → c-5.
        CliRun callRows = CliRun.of("query", "select call_id, queue, outcome, wait_sec, talk_sec, agent from call order by call_id", "--format", "csv",
                "--data", data.toString());
        assertThat(callRows.out().lines().skip(1).toList()).containsExactly("c-1,Billing,ABANDONED,60,,", "c-3,Sales,ANSWERED,60,320,bob",
                "c-4,Billing,ANSWERED,60,320,ana");
        CliRun errors = CliRun.of("query", "select reasons, format from ctr_error", "--format", "csv", "--data", data.toString());
        assertThat(errors.out().lines().skip(1).toList()).containsExactly("UNPARSABLE,ctr-json");

        // The same file again: every clean record is now a replay or stale, nothing new is stored.
        CliRun again = CliRun.of("ingest", file.toString(), "--format", "ctr-json", "--data", data.toString());
        assertThat(again.out()).contains("in=8 new=0 updated=0 replayed=5 stale=2 error=1");
        CliRun count = CliRun.of("query", "select count(*) from contact_record", "--format", "csv", "--data", data.toString());
        assertThat(count.out().lines().skip(1).findFirst()).hasValue("4");
    }

    @Test
    void overHttpAContactArrayIsAcceptedAndAccountedAndAWrongFormatIsRefused() throws Exception {
        Path data = dir.resolve("held");
        Settings settings = Settings.resolve(Map.of("data", data.toString(), "roles", "ingest,stream,store,web"), Map.of());
        try (InstanceLock lock = InstanceLock.tryAcquire(data).orElseThrow();
                Switchboard sb = Switchboard.start(settings);
                WebServer web = new WebServer(sb).start("127.0.0.1", 0)) {
            String url = "http://127.0.0.1:" + web.port();
            lock.publishUrl(url);
            HttpClient http = HttpClient.newHttpClient();
            String body = "[" + contact("h-1", 100, "Billing", null) + "," + contact("h-1", 200, "Billing", "ana") + ","
                    + contact("h-1", 100, "Billing", null) + ", 17]";
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(url + "/api/ingest/ctr?source=h"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
            assertThat(Json.MAPPER.readTree(posted.body()).path("accepted").asLong()).isEqualTo(4);
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(url + "/api/ingest/ctr?format=cdr-json"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(415);

            com.fasterxml.jackson.databind.JsonNode status = Waiting.until(java.time.Duration.ofMinutes(1), () -> {
                var s = Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(URI.create(url + "/api/ingest/status?source=h&sent=4")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                return s.path("accounted").asBoolean() ? s : null;
            });
            assertThat(status.path("ctr").path("in").asLong()).isEqualTo(4);
            assertThat(status.path("ctr").path("new").asLong()).isEqualTo(1);
            assertThat(status.path("ctr").path("updated").asLong()).isEqualTo(1);
            assertThat(status.path("ctr").path("stale").asLong()).isEqualTo(1);
            assertThat(status.path("ctr").path("error").asLong()).isEqualTo(1);
            assertThat(status.path("ctr").path("clean").asLong()).isEqualTo(2);
            assertThat(status.path("ctr").path("duplicate").asLong()).isEqualTo(1);

            // The CLI through the server: the file goes whole (contact records may be pretty-printed or concatenated).
            Path file = dir.resolve("more.json");
            Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(contact("h-2", 100, "Sales", "bob"))
                    + contact("h-1", 300, "Billing", "eve"));
            CliRun viaServer = CliRun.of("ingest", file.toString(), "--format", "ctr-json", "--server", url);
            assertThat(viaServer.exitCode()).as(viaServer.err()).isZero();
            assertThat(viaServer.out()).contains("in=2 new=1 updated=1 replayed=0 stale=0 error=0");
        }
    }
}
