package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.callcenter.CallEvent;
import dev.switchboard.callcenter.CallEventType;
import dev.switchboard.platform.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCallCommandTest {
    @TempDir Path dir;

    @Test
    void writesCountCallEventsAsNdjsonWithASummaryPerEventType() throws IOException {
        Path out = dir.resolve("calls.ndjson");
        CliRun run = CliRun.of("generate", "call", "--count", "2000", "--seed", "3", "--out", out.toString(),
                "--start", "2025-03-03T06:00:00Z", "--zone", "Europe/Paris", "--data", dir.resolve("data").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<CallEvent> events = Files.readAllLines(out).stream().map(GenerateCallCommandTest::parse).toList();
        assertThat(events).hasSize(2000);
        assertThat(events.get(0).event()).isEqualTo(CallEventType.QUEUED);
        assertThat(events.get(0).time()).isAfterOrEqualTo(Instant.parse("2025-03-03T06:00:00Z"));
        assertThat(events).extracting(CallEvent::event).contains(CallEventType.values());
        long ended = events.stream().filter(e -> e.event() == CallEventType.ENDED).count();
        assertThat(run.err()).contains("generated total=2000 ").contains("ENDED=" + ended + " ");
        assertThat(Files.readString(out)).contains("\"call_id\":").contains("\"caller_number\":\"+");

        Path again = dir.resolve("again.ndjson");
        CliRun.of("generate", "call", "--count", "2000", "--seed", "3", "--out", again.toString(),
                "--start", "2025-03-03T06:00:00Z", "--zone", "Europe/Paris", "--data", dir.resolve("data").toString());
        assertThat(Files.readString(again)).isEqualTo(Files.readString(out));
    }

    @Test
    void refusesCdrOnlyOptionsAndUnknownKinds() {
        assertThat(CliRun.of("generate", "call", "--count", "5", "--format", "cdr-csv").exitCode()).isNotZero();
        assertThat(CliRun.of("generate", "call", "--count", "5", "--rate", "10").exitCode()).isNotZero();
        CliRun ctr = CliRun.of("generate", "ctr", "--count", "5");
        assertThat(ctr.exitCode()).isNotZero();
        assertThat(ctr.err()).contains("this build generates");
    }

    @Test
    void helpNamesBothKinds() {
        assertThat(CliRun.of("generate", "--help").out()).contains("call-center call events").contains("call-json");
    }

    private static CallEvent parse(String line) {
        try {
            return Json.MAPPER.readValue(line, CallEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
