package dev.switchboard.callcenter;

import static dev.switchboard.callcenter.CallFixtures.mediate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.switchboard.mediation.Mediated;
import dev.switchboard.mediation.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever arrives on call.raw, mediation answers and never throws. */
class CallGarbagePayloadTest {
    private static final List<String> FORMATS = List.of("call-json", "asterisk-queue-log", "nonsense");

    private static List<String> garbage() {
        String json = CallFixtures.json(CallEventType.ENDED);
        List<String> payloads = new ArrayList<>(List.of(
                "", " ", "\n", "\r\n", "null", "[]", "{}", "[{}]", "true", "0", "\"\"", "\u0000", "\uFEFF",
                "{\"call_id\":", "{\"call_id\":\"q-1\",}", "{'call_id':'q-1'}", "\"unclosed", "||||", "|||||||||",
                "1|2|3|4|5", "x|q|support|NONE|ENTERQUEUE", "99999999999999999999|q|s|a|CONNECT|1",
                "{\"talk_sec\":1e999999}", "{\"wait_sec\":-0}", "{\"time\":\"+999999999-12-31T23:59:59Z\"}",
                "{\"time\":\"-999999999-01-01T00:00:00Z\"}", "\uD800", "\uDFFF\uD800", json + json, json + "\n" + json,
                "[".repeat(100_000), "{\"a\":".repeat(50_000), "x".repeat(10_000), "|".repeat(100_000),
                "\"".repeat(10_001), "9".repeat(10_000), "{\"caller_number\":\"" + "1".repeat(10_000) + "\"}",
                "{\"caller_number\":\"" + "+(".repeat(5_000) + "\"}", "{\"event\":{\"event\":{\"event\":[]}}}",
                "1675555761|1675555752.0|Support|PJSIP/400|CONNECT|" + "9".repeat(5_000) + "|x|7"));
        for (int cut = 0; cut < json.length(); cut += 5) payloads.add(json.substring(0, cut));
        Random random = new Random(7);
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
        for (String format : FORMATS) {
            for (String payload : garbage()) {
                assertThatCode(() -> assertThat(mediate(format, payload)).isInstanceOf(Mediated.Rejected.class))
                        .as("%s payload of %d chars: %.60s", format, payload.length(), payload)
                        .doesNotThrowAnyException();
            }
        }
    }

    @Test
    void garbageIsRejectedAsUnparsable() {
        for (String payload : List.of("", "null", "[]", "{\"call_id\":", "[".repeat(100_000), "x".repeat(10_000), "a|b")) {
            for (String format : FORMATS) {
                assertThat(mediate(format, payload))
                        .as("%s: %.40s", format, payload)
                        .isEqualTo(new Mediated.Rejected<CallEvent>(List.of(Reason.of(CallReason.UNPARSABLE))));
            }
        }
    }
}
