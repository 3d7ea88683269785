package dev.switchboard.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.switchboard.cdr.CdrCsv;
import dev.switchboard.platform.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Splits a body or file into record payloads, one per record, without judging their content:
 * mediation does that, so a bad record becomes an error record with its raw text, not a lost line.
 * Only what cannot be framed is refused here: a JSON array that does not parse (the whole body) and
 * a record longer than the limit (that record).
 */
public final class Framing {
    private static final CSVFormat CSV_LINE = CSVFormat.RFC4180;
    // Without this, NDJSON sent as application/json would pass as its first record, the rest silently dropped.
    private static final ObjectReader ONE_DOCUMENT = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final int maxRecordBytes;

    public Framing(int maxRecordBytes) {
        this.maxRecordBytes = maxRecordBytes;
    }

    /** NDJSON, or a JSON array / single object when the content starts with '[' or is one object spread over lines. */
    public void json(InputStream in, FrameSink sink) throws IOException {
        PushbackInputStream body = new PushbackInputStream(skipBom(in), 1);
        int first = firstNonBlank(body);
        if (first == -1) return;
        body.unread(first);
        if (first == '[') jsonArray(body, sink);
        else lines(body, sink);
    }

    /**
     * JSON objects as delivery streams write them (Amazon Connect contact records through Kinesis
     * Firehose): one per line, pretty-printed over many lines, or concatenated with nothing between;
     * or one JSON array of them. An object ends where its braces close (braces inside strings do not
     * count), so a bad object spoils itself only: text between objects that is not white space becomes
     * a record of its own up to the end of its line (mediation rejects it), and an object still open at
     * the end of the input is handed on as it is (mediation rejects it too).
     */
    public void jsonObjects(InputStream in, FrameSink sink) throws IOException {
        PushbackInputStream body = new PushbackInputStream(skipBom(in), 1);
        int first = firstNonBlank(body);
        if (first == -1) return;
        body.unread(first);
        if (first == '[') {
            jsonArray(body, sink);
            return;
        }
        Reader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16);
        StringBuilder record = new StringBuilder();
        long n = 0, length = 0;
        int depth = 0;
        boolean inString = false, escaped = false, stray = false;
        for (int c = reader.read(); c != -1; c = reader.read()) {
            if (depth == 0 && !stray) {
                if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
                stray = c != '{';
                if (!stray) depth = 1;
                record.setLength(0);
                length = 0;
                record.append((char) c);
                length++;
                continue;
            }
            if (stray) {
                if (c == '\n' || c == '{') {
                    offerBounded(++n, record, length, sink);
                    stray = false;
                    if (c == '{') {
                        record.setLength(0);
                        record.append('{');
                        length = 1;
                        depth = 1;
                    }
                    continue;
                }
            } else if (inString) {
                if (escaped) escaped = false;
                else if (c == '\\') escaped = true;
                else if (c == '"') inString = false;
            } else if (c == '"') inString = true;
            else if (c == '{' || c == '[') depth++;
            else if (c == '}' || c == ']') depth--;
            if (length++ < maxRecordBytes) record.append((char) c);
            if (!stray && depth == 0) {
                offerBounded(++n, record, length, sink);
                inString = false;
            }
        }
        if (stray || depth > 0) offerBounded(++n, record, length, sink);
    }

    /**
     * NDJSON when the first line is a whole JSON object (so a broken line spoils only itself), otherwise
     * {@link #jsonObjects} (objects pretty-printed over many lines, or concatenated); a JSON array either way.
     */
    public void jsonLinesOrObjects(InputStream in, FrameSink sink) throws IOException {
        java.io.BufferedInputStream body = new java.io.BufferedInputStream(skipBom(in), 1 << 16);
        int limit = maxRecordBytes + 2;
        body.mark(limit);
        byte[] head = body.readNBytes(limit);
        body.reset();
        if (firstLineIsAnObject(head)) lines(body, sink);
        else jsonObjects(body, sink);
    }

    /** Whether the first non-blank line starts with '{' and its braces close exactly at its end (braces in strings do not count). */
    private static boolean firstLineIsAnObject(byte[] head) {
        int i = 0;
        while (i < head.length && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) i++;
        if (i == head.length || head[i] != '{') return false;
        int depth = 0;
        boolean inString = false, escaped = false;
        for (; i < head.length && head[i] != '\n'; i++) {
            byte c = head[i];
            if (inString) {
                if (escaped) escaped = false;
                else if (c == '\\') escaped = true;
                else if (c == '"') inString = false;
            } else if (c == '"') inString = true;
            else if (c == '{' || c == '[') depth++;
            else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    for (i++; i < head.length && head[i] != '\n'; i++) if (head[i] != ' ' && head[i] != '\r' && head[i] != '\t') return false;
                    return true;
                }
            }
        }
        return false;
    }

    /** A record of which at most the limit was kept: refused when longer. */
    private void offerBounded(long n, StringBuilder record, long length, FrameSink sink) {
        if (length > maxRecordBytes) sink.reject(n, "record longer than " + maxRecordBytes + " bytes");
        else offer(n, record.toString().strip(), sink);
    }

    /** One record per non-blank line (NDJSON, Asterisk Master.csv). */
    public void lines(InputStream in, FrameSink sink) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(skipBom(in), StandardCharsets.UTF_8), 1 << 16);
        long n = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank()) continue;
            n++;
            offer(n, line, sink);
        }
    }

    /** A CDR CSV file: header line optional (canonical column order without it); rows become canonical CSV lines. */
    public void cdrCsv(InputStream in, FrameSink sink) throws IOException {
        Reader reader = new BufferedReader(new InputStreamReader(skipBom(in), StandardCharsets.UTF_8), 1 << 16);
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).get();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            Iterator<CSVRecord> rows = parser.iterator();
            List<String> header = CdrCsv.COLUMNS;
            long n = 0;
            boolean first = true;
            while (true) {
                CSVRecord row;
                try {
                    if (!rows.hasNext()) break;
                    row = rows.next();
                } catch (RuntimeException e) {
                    // An unterminated quote swallows the rest of the file: nothing after it can be framed.
                    sink.reject(n + 1, "CSV cannot be read past record " + n + ": " + e.getMessage());
                    return;
                }
                List<String> values = row.toList();
                // The parser skips empty lines only; a line of spaces would become a bogus one-column record.
                if (values.size() == 1 && values.get(0).isBlank()) continue;
                if (first && CdrCsv.isHeader(CSV_LINE.format(values.toArray()))) {
                    header = values;
                    first = false;
                    continue;
                }
                first = false;
                n++;
                offer(n, canonical(header, values), sink);
            }
        }
    }

    /** A JSON document (HTTP {@code application/json}): an array of records or one record. */
    public void jsonDocument(InputStream in, FrameSink sink) throws IOException {
        PushbackInputStream body = new PushbackInputStream(skipBom(in), 1);
        int first = firstNonBlank(body);
        if (first == -1) throw new BadBodyException("the body is empty");
        body.unread(first);
        if (first == '[') {
            jsonArray(body, sink);
            return;
        }
        if (first != '{') throw new BadBodyException("expected a JSON array of records or one JSON object");
        try {
            JsonNode node = ONE_DOCUMENT.readTree(body);
            offer(1, node.toString(), sink);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new BadBodyException("malformed JSON: " + e.getOriginalMessage());
        } catch (java.io.CharConversionException e) {
            throw new BadBodyException(notText(e));
        }
    }

    /** A row as the canonical line; a row whose length differs from the header's stays as it is, for mediation to reject. */
    private static String canonical(List<String> header, List<String> values) {
        if (values.size() != header.size()) return CSV_LINE.format(values.toArray());
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) row.putIfAbsent(header.get(i), values.get(i));
        return CdrCsv.canonicalLine(row);
    }

    private void jsonArray(InputStream in, FrameSink sink) throws IOException {
        try (JsonParser parser = Json.MAPPER.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) throw new BadBodyException("expected a JSON array");
            long n = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken() == null) throw new BadBodyException("the JSON array is not closed");
                JsonNode element = Json.MAPPER.readTree(parser);
                n++;
                offer(n, element.isTextual() ? element.textValue() : element.toString(), sink);
            }
            if (parser.nextToken() != null) throw new BadBodyException("unexpected content after the JSON array");
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new BadBodyException("malformed JSON: " + e.getOriginalMessage());
        } catch (java.io.CharConversionException e) {
            throw new BadBodyException(notText(e));
        }
    }

    /** Jackson guesses a byte stream's encoding (UTF-8, 16 or 32) from its first bytes; bytes that fit none is no JSON text. */
    private static String notText(java.io.CharConversionException e) {
        return "not JSON text in UTF-8: " + e.getMessage();
    }

    private void offer(long n, String payload, FrameSink sink) {
        if (payload.length() > maxRecordBytes || payload.getBytes(StandardCharsets.UTF_8).length > maxRecordBytes)
            sink.reject(n, "record longer than " + maxRecordBytes + " bytes");
        else sink.accept(payload);
    }

    private static int firstNonBlank(PushbackInputStream in) throws IOException {
        int c;
        do c = in.read();
        while (c == ' ' || c == '\n' || c == '\r' || c == '\t');
        return c;
    }

    private static InputStream skipBom(InputStream in) throws IOException {
        PushbackInputStream p = new PushbackInputStream(in, 3);
        byte[] head = p.readNBytes(3);
        boolean bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        if (!bom) p.unread(head);
        return p;
    }
}
