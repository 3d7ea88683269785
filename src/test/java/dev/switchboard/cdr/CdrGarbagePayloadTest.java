package dev.switchboard.cdr;

import static dev.switchboard.cdr.CdrFixtures.NOW;
import static dev.switchboard.cdr.CdrFixtures.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.switchboard.mediation.Mediated;
import dev.switchboard.mediation.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever arrives on a raw topic, mediation answers and never throws. */
class CdrGarbagePayloadTest {
    private static final List<String> FORMATS = List.of("cdr-json", "cdr-csv", "asterisk-cdr", "nonsense");

    private static List<String> garbage() {
        String json = CdrFixtures.voiceJson();
        List<String> payloads = new ArrayList<>(List.of(
                "", " ", "\n", "\r\n", "null", "[]", "{}", "[{}]", "true", "0", "\"\"", "\u0000", "\uFEFF",
                "{\"id\":", "{\"id\":\"c-1\",}", "{'id':'c-1'}", "\"unclosed", "a\"b\"c", ",,,,,,,", ",,,,,,,,,,,,,,,",
                "\"\"\"", "{\"duration_sec\":1e999999}", "{\"duration_sec\":-0}", "{\"start_time\":\"+999999999-12-31T23:59:59Z\"}",
                "{\"start_time\":\"-999999999-01-01T00:00:00Z\"}", "\uD800", "\uDFFF\uD800",
                CdrFixtures.ASTERISK_18.substring(0, 40), CdrFixtures.ASTERISK_18 + "\n" + CdrFixtures.ASTERISK_18,
                "[".repeat(100_000), "{\"a\":".repeat(50_000), "x".repeat(10_000), ",".repeat(10_000),
                "\"".repeat(10_001), "9".repeat(10_000), "{\"calling_number\":\"" + "1".repeat(10_000) + "\"}",
                "{\"calling_number\":\"" + "+(".repeat(5_000) + "\"}"));
        for (int cut = 0; cut < json.length(); cut += 7) payloads.add(json.substring(0, cut));
        Random random = new Random(42);
        for (int i = 0; i < 50; i++) {
            byte[] junk = new byte[random.nextInt(2_000)];
            random.nextBytes(junk);
            payloads.add(new String(junk, StandardCharsets.ISO_8859_1));
            payloads.add(new String(junk, StandardCharsets.UTF_8));
        }
        return payloads;
    }

    @Test
    void garbageInAnyFormatIsRejectedWithoutThrowing() {
        CdrMediator mediator = CdrFixtures.mediator();
        for (String format : FORMATS) {
            for (String payload : garbage()) {
                assertThatCode(() -> {
                    Mediated<Cdr> mediated = mediator.mediate(raw(format, payload), NOW);
                    assertThat(mediated).isNotNull();
                }).as("%s payload of %d chars: %.60s", format, payload.length(), payload).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void garbageIsRejectedAsUnparsable() {
        CdrMediator mediator = CdrFixtures.mediator();
        for (String payload : List.of("", "null", "[]", "{\"id\":", "[".repeat(100_000), "x".repeat(10_000))) {
            for (String format : FORMATS) {
                assertThat(mediator.mediate(raw(format, payload), NOW))
                        .as("%s: %.40s", format, payload)
                        .isEqualTo(new Mediated.Rejected<Cdr>(List.of(Reason.of(CdrReason.UNPARSABLE))));
            }
        }
    }
}
