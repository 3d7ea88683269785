package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.Switchboard;
import dev.switchboard.platform.InstanceLock;
import dev.switchboard.platform.Settings;
import dev.switchboard.web.WebServer;
import java.nio.file.Files;
import java.util.Map;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's path on the real embedded platform: generate → ingest → query, and the counts
 * reconcile exactly with what the generator injected.
 */
class EndToEndIT {
    private static final Pattern GENERATED = Pattern.compile("total=(\\d+) valid=(\\d+) duplicates=(\\d+) errors=(\\d+)");
    private static final Pattern SUMMARY = Pattern.compile("in=(\\d+) clean=(\\d+) error=(\\d+) duplicate=(\\d+)");

    @TempDir Path dir;

    @Test
    void generatedRecordsAreAllAccountedForAndStoredOnceEach() throws Exception {
        Path data = dir.resolve("data");
        Path file = dir.resolve("cdrs.ndjson");
        CliRun gen = CliRun.of("generate", "cdr", "--count", "30000", "--seed", "7", "--error-rate", "0.05",
                "--duplicate-rate", "0.02", "--out", file.toString(), "--data", data.toString());
        assertThat(gen.exitCode()).as(gen.err()).isZero();
        Matcher g = find(GENERATED, gen.err());
        long valid = Long.parseLong(g.group(2));
        long duplicates = Long.parseLong(g.group(3));
        long errors = Long.parseLong(g.group(4));
        assertThat(valid + duplicates + errors).isEqualTo(30000);

        CliRun ingest = CliRun.of("ingest", file.toString(), "--format", "cdr-json", "--data", data.toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        Matcher s = find(SUMMARY, ingest.out());
        assertThat(Long.parseLong(s.group(1))).isEqualTo(30000);
        assertThat(Long.parseLong(s.group(2))).isEqualTo(valid);
        assertThat(Long.parseLong(s.group(3))).isEqualTo(errors);
        assertThat(Long.parseLong(s.group(4))).isEqualTo(duplicates);

        CliRun rows = CliRun.of("query", "select count(*) as n, count(distinct id) as ids from cdr", "--format", "csv", "--data", data.toString());
        assertThat(rows.exitCode()).as(rows.err()).isZero();
        assertThat(rows.out().lines().toList()).containsExactly("n,ids", valid + "," + valid);
        CliRun errorRows = CliRun.of("query", "select count(*) from cdr_error", "--format", "csv", "--data", data.toString());
        assertThat(errorRows.out().lines().skip(1).findFirst()).hasValue(String.valueOf(errors));

        // Ingesting the same file again: every record is now a duplicate of one seen within the TTL.
        CliRun again = CliRun.of("ingest", file.toString(), "--format", "cdr-json", "--data", data.toString());
        Matcher a = find(SUMMARY, again.out());
        assertThat(a.group(2)).isEqualTo("0");
        assertThat(Long.parseLong(a.group(4))).isEqualTo(valid + duplicates);
        CliRun after = CliRun.of("query", "select count(*) from cdr", "--format", "csv", "--data", data.toString());
        assertThat(after.out().lines().skip(1).findFirst()).hasValue(String.valueOf(valid));
    }

    @Test
    void asteriskMasterCsvAndCdrCsvGoThroughTheSamePipeline() throws Exception {
        Path data = dir.resolve("data2");
        Path master = dir.resolve("Master.csv");
        Files.writeString(master, String.join("\n",
                "\"\",\"2025550143\",\"2025550178\",\"from-internal\",\"\"\"Ann\"\" <2025550143>\",\"SIP/201-00000001\",\"SIP/trunk-00000002\",\"Dial\",\"SIP/trunk/2025550178\",\"2026-03-02 09:15:00\",\"2026-03-02 09:15:07\",\"2026-03-02 09:17:07\",127,120,\"ANSWERED\",\"DOCUMENTATION\",\"1772442900.1\",\"\"",
                "\"\",\"201\",\"s\",\"from-internal\",\"\",\"SIP/201-00000003\",\"\",\"Hangup\",\"\",\"2026-03-02 09:20:00\",,\"2026-03-02 09:20:01\",1,0,\"NO ANSWER\",\"DOCUMENTATION\",\"1772443200.3\",\"\"",
                ""));
        CliRun ingest = CliRun.of("ingest", master.toString(), "--format", "asterisk-cdr", "--data", data.toString(), "--zone", "UTC");
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        assertThat(ingest.out()).contains("in=2 clean=1 error=1 duplicate=0");
        CliRun q = CliRun.of("query", "select calling_number, called_number, duration_sec, result, start_time from cdr", "--format", "csv", "--data", data.toString());
        assertThat(q.out().lines().skip(1).toList()).containsExactly("+12025550143,+12025550178,120,ANSWERED,2026-03-02T09:15:00Z");

        Path csv = dir.resolve("cdrs.csv");
        Files.writeString(csv, "operator,id,calling_number,called_number,start_time,duration_sec,type,result\n"
                + "Nimbus,c-1,+12025550143,+442071838750,2026-03-02T10:00:00Z,65,VOICE,ANSWERED\n"
                + "Nimbus,c-2,+12025550143,not-a-number,2026-03-02T10:05:00Z,,SMS,ANSWERED\n");
        CliRun csvIngest = CliRun.of("ingest", csv.toString(), "--format", "cdr-csv", "--data", data.toString());
        assertThat(csvIngest.out()).contains("in=2 clean=1 error=1 duplicate=0");
        CliRun reasons = CliRun.of("query", "select reasons from cdr_error where format = 'cdr-csv'", "--format", "csv", "--data", data.toString());
        assertThat(reasons.out().lines().skip(1).toList()).containsExactly("INVALID_NUMBER:called_number");
    }

    @Test
    void ingestAndQueryTalkToTheProcessThatHoldsTheDataFolder() throws Exception {
        Path data = dir.resolve("held");
        Settings settings = Settings.resolve(Map.of("data", data.toString(), "roles", "ingest,stream,store,web"), Map.of());
        try (InstanceLock lock = InstanceLock.tryAcquire(data).orElseThrow();
                Switchboard sb = Switchboard.start(settings);
                WebServer web = new WebServer(sb).start("127.0.0.1", 0)) {
            String url = "http://127.0.0.1:" + web.port();
            lock.publishUrl(url);
            Path lines = dir.resolve("held.ndjson");
            assertThat(CliRun.of("generate", "cdr", "--count", "3000", "--seed", "11", "--error-rate", "0.1",
                    "--duplicate-rate", "0.05", "--out", lines.toString(), "--data", data.toString()).exitCode()).isZero();
            CliRun viaFolder = CliRun.of("ingest", lines.toString(), "--format", "cdr-json", "--data", data.toString());
            assertThat(viaFolder.exitCode()).as(viaFolder.err()).isZero();
            Matcher m = find(SUMMARY, viaFolder.out());
            assertThat(m.group(1)).isEqualTo("3000");
            long clean = Long.parseLong(m.group(2));

            Path array = dir.resolve("held.json");
            Files.writeString(array, "[{\"id\":\"arr-1\",\"calling_number\":\"+12025550143\",\"called_number\":\"+12025550144\","
                    + "\"start_time\":\"2026-03-02T10:00:00Z\",\"type\":\"SMS\",\"result\":\"ANSWERED\"},\n 17]\n");
            CliRun viaServer = CliRun.of("ingest", array.toString(), "--format", "cdr-json", "--server", url);
            assertThat(viaServer.out()).contains("in=2 clean=1 error=1 duplicate=0");

            CliRun q = CliRun.of("query", "select count(*) from cdr", "--format", "csv", "--data", data.toString());
            assertThat(q.exitCode()).as(q.err()).isZero();
            assertThat(q.out().lines().skip(1).findFirst()).hasValue(String.valueOf(clean + 1));
            CliRun refused = CliRun.of("query", "drop table cdr", "--data", data.toString());
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.err()).contains("query refused");
        }
    }

    @Test
    void writesAreRefusedWithAClearError() {
        CliRun q = CliRun.of("query", "delete from cdr", "--data", dir.resolve("data3").toString());
        assertThat(q.exitCode()).isEqualTo(2);
        CliRun missing = CliRun.of("ingest", dir.resolve("nope.ndjson").toString(), "--format", "cdr-json", "--data", dir.resolve("data3").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
    }

    private static Matcher find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        assertThat(m.find()).as("expected %s in:%n%s", p, text).isTrue();
        return m;
    }
}
