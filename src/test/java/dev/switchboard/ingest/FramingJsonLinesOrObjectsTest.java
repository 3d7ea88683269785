package dev.switchboard.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Framing#jsonLinesOrObjects}: NDJSON when the first line is a whole object, else objects framed by braces. */
class FramingJsonLinesOrObjectsTest {
    private final Framing framing = new Framing(1000);

    private List<String> frame(String body) throws IOException {
        List<String> out = new ArrayList<>();
        framing.jsonLinesOrObjects(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), new FrameSink() {
            @Override
            public void accept(String payload) {
                out.add(payload);
            }

            @Override
            public void reject(long recordNumber, String why) {
                out.add("rejected " + recordNumber);
            }
        });
        return out;
    }

    @Test
    void ndjsonWithABrokenLineSpoilsThatLineOnly() throws IOException {
        assertThat(frame("{\"a\":\"}{\"}\n{\"b\":[1,\n{\"c\":3}\n")).containsExactly("{\"a\":\"}{\"}", "{\"b\":[1,", "{\"c\":3}");
    }

    @Test
    void prettyPrintedObjectsAreFramedByTheirBraces() throws IOException {
        assertThat(frame("\uFEFF\n{\n  \"a\": 1,\n  \"t\": [{\"x\": \"}\"}]\n}\n{\"b\":2}{\"c\":3}"))
                .containsExactly("{\n  \"a\": 1,\n  \"t\": [{\"x\": \"}\"}]\n}", "{\"b\":2}", "{\"c\":3}");
    }

    @Test
    void twoObjectsOnTheFirstLineAreFramedByBraces() throws IOException {
        assertThat(frame("{\"a\":1} {\"b\":2}\n{\"c\":3}\n")).containsExactly("{\"a\":1}", "{\"b\":2}", "{\"c\":3}");
    }

    @Test
    void aJsonArrayIsItsElements() throws IOException {
        assertThat(frame("  [{\"a\":1},\n {\"b\":2}]")).containsExactly("{\"a\":1}", "{\"b\":2}");
    }
}
