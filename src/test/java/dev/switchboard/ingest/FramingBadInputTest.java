package dev.switchboard.ingest;

import static dev.switchboard.badinput.BadInputs.within;
import static dev.switchboard.badinput.Gen.weight;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.badinput.BadInputs;
import dev.switchboard.badinput.Gen;
import dev.switchboard.badinput.Tries;
import dev.switchboard.platform.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bad-input campaign on ingest framing (JSON array, JSON document, NDJSON, concatenated JSON objects,
 * lines, CDR CSV): whatever the body, framing hands on payloads within the record limit and rejections
 * with a reason, or refuses the whole body with {@link BadBodyException} (a 400 at the edge); nothing else
 * escapes, nothing hangs.
 */
class FramingBadInputTest {
    private static final int MAX_RECORD_BYTES = 2_000;
    private static final Framing FRAMING = new Framing(MAX_RECORD_BYTES);

    private interface Mode {
        void frame(InputStream in, FrameSink sink) throws IOException;
    }

    private static final Map<String, Mode> MODES = Map.of(
            "json", FRAMING::json, "jsonObjects", FRAMING::jsonObjects, "jsonLinesOrObjects", FRAMING::jsonLinesOrObjects,
            "lines", FRAMING::lines, "cdrCsv", FRAMING::cdrCsv, "jsonDocument", FRAMING::jsonDocument);

    private static final class Frames implements FrameSink {
        final List<String> payloads = new ArrayList<>();
        final List<Long> rejected = new ArrayList<>();

        @Override
        public void accept(String payload) {
            payloads.add(payload);
        }

        @Override
        public void reject(long recordNumber, String why) {
            assertThat(why).as("a rejection says why").isNotBlank();
            assertThat(recordNumber).isPositive();
            rejected.add(recordNumber);
        }
    }

    @Test
    void anyBodyIsFramedOrRefusedAsABadBody() {
        Tries.check(Gen.pairs(modes(), bodies()), input -> framedOrRefused(input.first(), input.second()));
    }

    private static void framedOrRefused(String mode, byte[] body) {
        Frames frames = new Frames();
        String outcome = within(() -> {
            try {
                MODES.get(mode).frame(new ByteArrayInputStream(body), frames);
                return "framed";
            } catch (BadBodyException e) {
                assertThat(e.getMessage()).isNotBlank();
                return "bad body";
            } catch (IOException e) {
                throw new AssertionError("an in-memory body cannot fail to read: " + e, e);
            }
        });
        Tries.count("outcome", outcome);
        for (String p : frames.payloads)
            assertThat(p.getBytes(StandardCharsets.UTF_8).length).as("payload within the record limit").isLessThanOrEqualTo(MAX_RECORD_BYTES);
        assertThat(frames.rejected).doesNotHaveDuplicates();
    }

    /** Line framing accounts for every non-blank line: taken or rejected, once. */
    @Test
    void everyNonBlankLineIsTakenOrRejected() {
        Tries.check(200, bodies(), body -> {
            Frames frames = new Frames();
            FRAMING.lines(new ByteArrayInputStream(body), frames);
            String text = new String(body, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) text = text.substring(1);
            long lines = text.lines().filter(l -> !l.isBlank()).count();
            assertThat(frames.payloads.size() + frames.rejected.size()).isEqualTo(lines);
        });
    }

    /** Found by BadInputIT: UTF-16 without a BOM, taken by Jackson for UTF-32, threw CharConversionException (a 500 at the edge). */
    @Test
    void bytesInNoUnicodeEncodingAreABadBody() {
        byte[] body = "[{\"session_id\":\"s-1\",\"customer_id\":\"c-1\"}]".getBytes(StandardCharsets.UTF_16LE);
        for (String mode : List.of("json", "jsonObjects", "jsonLinesOrObjects", "jsonDocument"))
            assertThatCode(() -> {
                try {
                    MODES.get(mode).frame(new ByteArrayInputStream(body), new Frames());
                } catch (BadBodyException expected) {
                    // refused whole: a 400
                }
            }).as(mode).doesNotThrowAnyException();
    }

    Gen<String> modes() {
        return Gen.of(new java.util.TreeSet<>(MODES.keySet())); // sorted: Map.of iterates in a different order on every run
    }

    Gen<byte[]> bodies() {
        ObjectNode valid = Json.MAPPER.createObjectNode().put("id", "c-1").put("calling_number", "+12015550123")
                .put("called_number", "+442079460958").put("start_time", "2026-03-01T10:15:30Z").put("duration_sec", 60)
                .put("type", "VOICE").put("result", "ANSWERED");
        String csv = "c-1,+12015550123,+442079460958,2026-03-01T10:15:30Z,60,VOICE,ANSWERED,acme";
        Gen<String> record = Gen.frequency(weight(3, Gen.just(valid.toString())),
                weight(4, BadInputs.badJsonPayloads(valid)), weight(2, Gen.of(csv)), weight(2, BadInputs.wrongDelimiter(csv)),
                weight(1, BadInputs.truncated(csv)), weight(1, Gen.strings(Gen.bmpChar(), MAX_RECORD_BYTES - 5, MAX_RECORD_BYTES + 5)));
        Gen<String> joined = Gen.pairs(record.list(0, 20), Gen.of("\n", "\r\n", ",", "", " ", "\n\n", "\r"))
                .map(p -> String.join(p.second(), p.first()));
        Gen<String> text = Gen.frequency(weight(5, joined), weight(2, joined.map(t -> "[" + t + "]")),
                weight(1, joined.map(t -> "\uFEFF" + t)), weight(1, joined.map(t -> "[" + t)),
                weight(1, Gen.of(BadInputs.deepArrays(BadInputs.DEEP), BadInputs.deepObjects(BadInputs.DEEP),
                        "[" + BadInputs.deepArrays(BadInputs.DEEP) + "]", "\"" + "x".repeat(5_000), "[\"" + "x".repeat(5_000) + "\"]",
                        "id,calling_number\n\"unclosed,x\n", "\u0000".repeat(3_000), "{".repeat(3_000), "[" + "1,".repeat(3_000) + "1]")));
        Gen<byte[]> bytes = text.map(t -> t.getBytes(StandardCharsets.UTF_8));
        return Gen.frequency(weight(6, bytes), weight(2, text.flatMap(BadInputs::badBytes)),
                weight(1, text.map(t -> t.getBytes(StandardCharsets.UTF_16))), weight(1, text.map(t -> t.getBytes(StandardCharsets.ISO_8859_1))));
    }
}
