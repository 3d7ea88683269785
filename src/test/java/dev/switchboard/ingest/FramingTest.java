package dev.switchboard.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Splitting bodies and files into record payloads, before any record is judged. */
class FramingTest {
    private static final int MAX_RECORD_BYTES = 128;
    private static final String BOM = "\uFEFF";

    private final Framing framing = new Framing(MAX_RECORD_BYTES);

    /** Collects what the framing hands on. */
    private static final class Frames implements FrameSink {
        final List<String> payloads = new ArrayList<>();
        final List<Long> rejectedNumbers = new ArrayList<>();
        final List<String> rejectedWhy = new ArrayList<>();

        @Override
        public void accept(String payload) {
            payloads.add(payload);
        }

        @Override
        public void reject(long recordNumber, String why) {
            rejectedNumbers.add(recordNumber);
            rejectedWhy.add(why);
        }
    }

    private interface Method {
        void frame(InputStream in, FrameSink sink) throws IOException;
    }

    private static Frames frame(Method method, String body) throws IOException {
        Frames frames = new Frames();
        method.frame(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), frames);
        return frames;
    }

    @Nested
    class NdjsonAndJsonFiles {
        @Test
        void eachNonBlankLineIsOneRecordKeptAsWritten() throws IOException {
            Frames frames = frame(framing::json, "{ \"id\" : \"c-1\" }\n\n   \n\t\n{\"id\":\"c-2\"}\n");
            assertThat(frames.payloads).containsExactly("{ \"id\" : \"c-1\" }", "{\"id\":\"c-2\"}");
            assertThat(frames.rejectedNumbers).isEmpty();
        }

        @Test
        void crlfLineEndsAreNotPartOfTheRecord() throws IOException {
            Frames frames = frame(framing::json, "{\"id\":\"c-1\"}\r\n\r\n{\"id\":\"c-2\"}\r\n");
            assertThat(frames.payloads).containsExactly("{\"id\":\"c-1\"}", "{\"id\":\"c-2\"}");
        }

        @Test
        void utf8ByteOrderMarkIsNotPartOfTheFirstRecord() throws IOException {
            Frames frames = frame(framing::json, BOM + "{\"id\":\"c-1\"}\n{\"id\":\"c-2\"}");
            assertThat(frames.payloads).containsExactly("{\"id\":\"c-1\"}", "{\"id\":\"c-2\"}");
        }

        @Test
        void lastLineWithoutNewlineIsARecord() throws IOException {
            assertThat(frame(framing::json, "\n\n{\"id\":\"c-1\"}").payloads).containsExactly("{\"id\":\"c-1\"}");
        }

        @Test
        void brokenLineIsPassedOnForMediationToReject() throws IOException {
            Frames frames = frame(framing::json, "{\"id\":\"c-1\"}\nnot json at all\n{\"id\":\n");
            assertThat(frames.payloads).containsExactly("{\"id\":\"c-1\"}", "not json at all", "{\"id\":");
            assertThat(frames.rejectedNumbers).isEmpty();
        }

        @Test
        void nonAsciiTextIsDecodedAsUtf8() throws IOException {
            assertThat(frame(framing::json, "{\"operator\":\"Télécom ☎\"}\n").payloads)
                    .containsExactly("{\"operator\":\"Télécom ☎\"}");
        }

        @Test
        void emptyOrBlankFileHasNoRecords() throws IOException {
            assertThat(frame(framing::json, "").payloads).isEmpty();
            assertThat(frame(framing::json, BOM + " \r\n\t\n").payloads).isEmpty();
        }

        @Test
        void arrayElementsAreReserializedCompactly() throws IOException {
            Frames frames = frame(framing::json, BOM + "\n  [\n  {\"id\": \"c-1\",\n   \"tags\": [1, 2]},\n  {\"id\" : \"c-2\"}\n]\n");
            assertThat(frames.payloads).containsExactly("{\"id\":\"c-1\",\"tags\":[1,2]}", "{\"id\":\"c-2\"}");
        }

        @Test
        void arrayElementsThatAreNoObjectsArePassedOnAsText() throws IOException {
            Frames frames = frame(framing::json, "[{\"id\":\"c-1\"}, 42, \"a,b,c\", null, true, [1, 2], 1.5]");
            assertThat(frames.payloads).containsExactly("{\"id\":\"c-1\"}", "42", "a,b,c", "null", "true", "[1,2]", "1.5");
        }

        @Test
        void emptyArrayHasNoRecords() throws IOException {
            assertThat(frame(framing::json, "[ ]").payloads).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"[{\"id\":\"c-1\"},", "[{\"id\":\"c-1\"} {\"id\":\"c-2\"}]", "[{\"id\":}]",
            "[{\"id\":\"c-1\"},]", "[{\"id\":\"c-1\"}] trailing", "[{\"id\":\"c-1\"}][]"})
        void arrayThatDoesNotParseIsABadBody(String body) {
            assertThatThrownBy(() -> frame(framing::json, body)).isInstanceOf(BadBodyException.class);
        }

        @Test
        void overlongLineIsRejectedWithItsNumberAndTheOthersPass() throws IOException {
            String longLine = "{\"id\":\"" + "x".repeat(MAX_RECORD_BYTES) + "\"}";
            Frames frames = frame(framing::json, "{\"id\":\"c-1\"}\n\n" + longLine + "\n{\"id\":\"c-3\"}\n");
            assertThat(frames.payloads).containsExactly("{\"id\":\"c-1\"}", "{\"id\":\"c-3\"}");
            assertThat(frames.rejectedNumbers).containsExactly(2L);
            assertThat(frames.rejectedWhy).singleElement().asString().contains(String.valueOf(MAX_RECORD_BYTES));
        }

        @Test
        void limitIsCountedInUtf8BytesNotCharacters() throws IOException {
            String fits = "\"" + "e".repeat(MAX_RECORD_BYTES - 2) + "\"";
            String tooManyBytes = "\"" + "é".repeat(MAX_RECORD_BYTES - 2) + "\"";
            Frames frames = frame(framing::json, fits + "\n" + tooManyBytes + "\n");
            assertThat(frames.payloads).containsExactly(fits);
            assertThat(frames.rejectedNumbers).containsExactly(2L);
        }

        @Test
        void overlongArrayElementIsRejectedWithItsNumber() throws IOException {
            String longElement = "{\"id\":\"" + "x".repeat(MAX_RECORD_BYTES) + "\"}";
            Frames frames = frame(framing::json, "[{\"id\":\"c-1\"}," + longElement + ",{\"id\":\"c-3\"}]");
            assertThat(frames.payloads).containsExactly("{\"id\":\"c-1\"}", "{\"id\":\"c-3\"}");
            assertThat(frames.rejectedNumbers).containsExactly(2L);
        }
    }

    @Nested
    class JsonDocuments {
        @Test
        void arrayGivesOneRecordPerElement() throws IOException {
            Frames frames = frame(framing::jsonDocument, "[{\"id\": \"c-1\"}, {\"id\": \"c-2\"}]");
            assertThat(frames.payloads).containsExactly("{\"id\":\"c-1\"}", "{\"id\":\"c-2\"}");
        }

        @Test
        void singleObjectIsOneCompactRecordEvenOverSeveralLines() throws IOException {
            Frames frames = frame(framing::jsonDocument, BOM + "\n{\n  \"id\": \"c-1\",\n  \"duration_sec\": 60\n}\n");
            assertThat(frames.payloads).containsExactly("{\"id\":\"c-1\",\"duration_sec\":60}");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   \r\n\t", BOM})
        void emptyBodyIsABadBody(String body) {
            assertThatThrownBy(() -> frame(framing::jsonDocument, body))
                    .isInstanceOf(BadBodyException.class).hasMessageContaining("empty");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"id\":", "{\"id\" \"c-1\"}", "{id: 1}", "[{\"id\":\"c-1\"}"})
        void malformedJsonIsABadBody(String body) {
            assertThatThrownBy(() -> frame(framing::jsonDocument, body))
                    .isInstanceOf(BadBodyException.class).hasMessageContaining("JSON");
        }

        @ParameterizedTest
        @ValueSource(strings = {"42", "\"c-1\"", "true", "null", "id,calling_number"})
        void bareValueThatIsNeitherArrayNorObjectIsABadBody(String body) {
            assertThatThrownBy(() -> frame(framing::jsonDocument, body)).isInstanceOf(BadBodyException.class);
        }

        /** NDJSON sent as application/json must not pass as its first line with the rest silently dropped. */
        @ParameterizedTest
        @ValueSource(strings = {"{\"id\":\"c-1\"}\n{\"id\":\"c-2\"}\n", "{\"id\":\"c-1\"} trailing", "{\"id\":\"c-1\"}]"})
        void objectFollowedByMoreContentIsABadBody(String body) {
            Frames frames = new Frames();
            assertThatThrownBy(() -> framing.jsonDocument(
                            new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), frames))
                    .isInstanceOf(BadBodyException.class);
            assertThat(frames.payloads).isEmpty();
        }

        @Test
        void overlongSingleObjectIsRejectedAsRecordOne() throws IOException {
            Frames frames = frame(framing::jsonDocument, "{\"id\":\"" + "x".repeat(MAX_RECORD_BYTES) + "\"}");
            assertThat(frames.payloads).isEmpty();
            assertThat(frames.rejectedNumbers).containsExactly(1L);
        }
    }

    @Nested
    class CdrCsvFiles {
        private static final String CANONICAL = "c-1,2015550123,+442079460958,2026-03-01T10:15:30Z,60,VOICE,ANSWERED,acme";

        @Test
        void headerInAnyColumnOrderGivesCanonicalLines() throws IOException {
            String file = "operator,result,type,duration_sec,start_time,called_number,calling_number,id\n"
                    + "acme,ANSWERED,VOICE,60,2026-03-01T10:15:30Z,+442079460958,2015550123,c-1\n";
            assertThat(frame(framing::cdrCsv, file).payloads).containsExactly(CANONICAL);
        }

        @Test
        void headerNamesAreMatchedTrimmedAndIgnoringCase() throws IOException {
            String file = BOM + " ID , Calling_Number,CALLED_NUMBER,Start_Time,duration_sec,type,result,Operator\r\n"
                    + "c-1,2015550123,+442079460958,2026-03-01T10:15:30Z,60,VOICE,ANSWERED,acme\r\n";
            assertThat(frame(framing::cdrCsv, file).payloads).containsExactly(CANONICAL);
        }

        @Test
        void headerColumnsOutsideTheWireFormatAreDroppedAndMissingOnesLeftEmpty() throws IOException {
            String file = "cell_id,calling_number,id\nLAC-7,2015550123,c-1\n";
            assertThat(frame(framing::cdrCsv, file).payloads).containsExactly("c-1,2015550123,,,,,,");
        }

        @Test
        void withoutHeaderRowsAreReadInCanonicalOrder() throws IOException {
            String file = "\"c-1\",\"2015550123\",\"+442079460958\",\"2026-03-01T10:15:30Z\",\"60\",\"VOICE\",\"ANSWERED\",\"acme\"\n"
                    + "\n"
                    + "c-2,2015550123,+442079460958,2026-03-01T10:15:30Z,,SMS,ANSWERED,\"Acme, Inc.\"\n";
            assertThat(frame(framing::cdrCsv, file).payloads).containsExactly(
                    CANONICAL, "c-2,2015550123,+442079460958,2026-03-01T10:15:30Z,,SMS,ANSWERED,\"Acme, Inc.\"");
        }

        @Test
        void quotedValueMayHoldNewlinesAndQuotes() throws IOException {
            String file = "c-1,2015550123,+442079460958,2026-03-01T10:15:30Z,60,VOICE,ANSWERED,\"two\nlines \"\"quoted\"\"\"\n";
            assertThat(frame(framing::cdrCsv, file).payloads).containsExactly(
                    "c-1,2015550123,+442079460958,2026-03-01T10:15:30Z,60,VOICE,ANSWERED,\"two\nlines \"\"quoted\"\"\"");
        }

        @Test
        void rowWithTheWrongColumnCountIsPassedOnAsItIs() throws IOException {
            String file = "id,calling_number,called_number,start_time,duration_sec,type,result,operator\n"
                    + "c-1,2015550123,+442079460958\n"
                    + "acme,ANSWERED,VOICE,60,2026-03-01T10:15:30Z,+442079460958,2015550123,c-1,extra\n";
            assertThat(frame(framing::cdrCsv, file).payloads).containsExactly(
                    "c-1,2015550123,+442079460958",
                    "acme,ANSWERED,VOICE,60,2026-03-01T10:15:30Z,+442079460958,2015550123,c-1,extra");
        }

        @Test
        void unterminatedQuoteStopsTheFileWithARejectionAfterTheGoodRecords() throws IOException {
            String file = CANONICAL + "\n"
                    + "c-2,2015550123,+442079460958,2026-03-01T10:15:30Z,60,VOICE,ANSWERED,acme\n"
                    + "c-3,\"2015550123,+442079460958,2026-03-01T10:15:30Z,60,VOICE,ANSWERED,acme\n"
                    + "c-4,2015550123,+442079460958,2026-03-01T10:15:30Z,60,VOICE,ANSWERED,acme\n";
            Frames frames = frame(framing::cdrCsv, file);
            assertThat(frames.payloads).containsExactly(CANONICAL, CANONICAL.replace("c-1", "c-2"));
            assertThat(frames.rejectedNumbers).containsExactly(3L);
            assertThat(frames.rejectedWhy).singleElement().asString().contains("record 2");
        }

        @Test
        void overlongRowIsRejectedWithItsNumberAndTheOthersPass() throws IOException {
            String file = "id,calling_number,called_number,start_time,duration_sec,type,result,operator\n"
                    + CANONICAL + "\n"
                    + CANONICAL.replace("acme", "x".repeat(MAX_RECORD_BYTES)) + "\n"
                    + CANONICAL.replace("c-1", "c-3") + "\n";
            Frames frames = frame(framing::cdrCsv, file);
            assertThat(frames.payloads).containsExactly(CANONICAL, CANONICAL.replace("c-1", "c-3"));
            assertThat(frames.rejectedNumbers).containsExactly(2L);
        }

        @Test
        void blankLinesAreSkippedAndCrlfEndsNoRecord() throws IOException {
            String file = "\r\n" + CANONICAL + "\r\n\r\n   \r\n\t\n" + CANONICAL.replace("c-1", "c-2") + "\r\n \n";
            Frames frames = frame(framing::cdrCsv, file);
            assertThat(frames.payloads).containsExactly(CANONICAL, CANONICAL.replace("c-1", "c-2"));
            assertThat(frames.rejectedNumbers).isEmpty();
        }

        @Test
        void emptyFileOrHeaderAloneHasNoRecords() throws IOException {
            assertThat(frame(framing::cdrCsv, "").payloads).isEmpty();
            assertThat(frame(framing::cdrCsv, "id,calling_number\n").payloads).isEmpty();
        }
    }

    @Nested
    class AsteriskLines {
        private static final String LINE = "\"\",\"2015550123\",\"6502530000\",\"from-internal\",\"\"\"Ann\"\" <2015550123>\","
                + "\"SIP/2015550123-00000001\",\"SIP/trunk-00000002\",\"Dial\",\"SIP/trunk/6502530000,30\","
                + "\"2026-03-01 10:00:00\",\"2026-03-01 10:00:05\",\"2026-03-01 10:01:05\",65,60,\"ANSWERED\",\"DOCUMENTATION\"";

        @Test
        void eachNonBlankLineIsOneRecordKeptByteForByte() throws IOException {
            String second = LINE.replace("2015550123", "2015550124");
            Framing roomy = new Framing(1024);
            Frames frames = frame(roomy::lines, BOM + LINE + "\r\n\r\n" + second + "\n");
            assertThat(frames.payloads).containsExactly(LINE, second);
        }

        @Test
        void overlongLineIsRejectedWithItsNumber() throws IOException {
            Framing roomy = new Framing(LINE.length());
            Frames frames = frame(roomy::lines, LINE + "\n" + LINE + ",\"extra\"\n" + LINE + "\n");
            assertThat(frames.payloads).containsExactly(LINE, LINE);
            assertThat(frames.rejectedNumbers).containsExactly(2L);
        }
    }

    /** Contact records as delivery streams write them. */
    @Nested
    class JsonObjectStreams {
        @Test
        void objectsEndWhereTheirBracesCloseOnOneLineOrOverManyOrOnePerLine() throws IOException {
            assertThat(frame(framing::jsonObjects, "{\"a\":1}{\"b\":\"}{\"}{\"c\":{\"d\":[1,{}]}}").payloads)
                    .containsExactly("{\"a\":1}", "{\"b\":\"}{\"}", "{\"c\":{\"d\":[1,{}]}}");
            assertThat(frame(framing::jsonObjects, BOM + "{\n  \"a\": 1,\n  \"b\": {\n    \"c\": \"x\"\n  }\n}\n{\n  \"a\": 2\n}\n").payloads)
                    .containsExactly("{\n  \"a\": 1,\n  \"b\": {\n    \"c\": \"x\"\n  }\n}", "{\n  \"a\": 2\n}");
            assertThat(frame(framing::jsonObjects, "{\"a\":1}\r\n{\"a\":2}\r\n\r\n").payloads).containsExactly("{\"a\":1}", "{\"a\":2}");
            assertThat(frame(framing::jsonObjects, "{\"a\":\"say \\\"}\\\" and \\\\\"}{\"b\":1}").payloads)
                    .containsExactly("{\"a\":\"say \\\"}\\\" and \\\\\"}", "{\"b\":1}");
        }

        @Test
        void anArrayGivesItsElements() throws IOException {
            assertThat(frame(framing::jsonObjects, " [{\"a\":1}, {\"a\":2}]").payloads).containsExactly("{\"a\":1}", "{\"a\":2}");
        }

        @Test
        void strayTextAndAnObjectLeftOpenBecomeRecordsOfTheirOwnForMediationToReject() throws IOException {
            Frames frames = frame(framing::jsonObjects, "{\"a\":1}\nnot json at all\n}{\"b\":2} tail{\"c\":");
            assertThat(frames.payloads).containsExactly("{\"a\":1}", "not json at all", "}", "{\"b\":2}", "tail", "{\"c\":");
            assertThat(frames.rejectedNumbers).isEmpty();
        }

        @Test
        void anObjectOverTheLimitIsRefusedByNumberAndTheNextOneIsTaken() throws IOException {
            String big = "{\"a\":\"" + "x".repeat(MAX_RECORD_BYTES) + "\"}";
            Frames frames = frame(framing::jsonObjects, "{\"a\":1}" + big + "{\"a\":3}\n" + "y".repeat(MAX_RECORD_BYTES + 1) + "\n{\"a\":5}");
            assertThat(frames.payloads).containsExactly("{\"a\":1}", "{\"a\":3}", "{\"a\":5}");
            assertThat(frames.rejectedNumbers).containsExactly(2L, 4L);
            assertThat(frames.rejectedWhy.get(0)).contains("longer than 128 bytes");
        }

        @Test
        void nothingButWhiteSpaceIsNoRecord() throws IOException {
            assertThat(frame(framing::jsonObjects, " \n\t\r\n").payloads).isEmpty();
            assertThat(frame(framing::jsonObjects, "").payloads).isEmpty();
        }
    }
}
