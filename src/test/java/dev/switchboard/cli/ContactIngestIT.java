package dev.switchboard.cli;

import static dev.switchboard.contact.ContactFixtures.contact;
import static dev.switchboard.contact.ContactFixtures.transferred;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.platform.Json;
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
        CliRun errors = CliRun.of("query", "select reasons, format from ctr_error", "--format", "csv", "--data", data.toString());
        assertThat(errors.out().lines().skip(1).toList()).containsExactly("UNPARSABLE,ctr-json");

        // The same file again: every clean record is now a replay or stale, nothing new is stored.
        CliRun again = CliRun.of("ingest", file.toString(), "--format", "ctr-json", "--data", data.toString());
        assertThat(again.out()).contains("in=8 new=0 updated=0 replayed=5 stale=2 error=1");
        CliRun count = CliRun.of("query", "select count(*) from contact_record", "--format", "csv", "--data", data.toString());
        assertThat(count.out().lines().skip(1).findFirst()).hasValue("4");
    }
}
