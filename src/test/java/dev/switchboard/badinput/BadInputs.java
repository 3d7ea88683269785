package dev.switchboard.badinput;

import static dev.switchboard.badinput.Gen.weight;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.switchboard.platform.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Generators of bad input for the property tests of the bad-input campaign (docs/BAD-INPUT.md): injection
 * strings, extreme numbers, dates out of range, deeply nested JSON, broken encodings and BOMs, truncation,
 * wrong delimiters and oversized records, each applied to a valid record of the kind under test.
 */
public final class BadInputs {
    /** How long one parse may take before it counts as a hang. */
    public static final Duration HANG = Duration.ofSeconds(10);
    /** The nesting depth the brief asks for. */
    public static final int DEEP = 10_000;

    public static final List<String> INJECTIONS = List.of(
            "'; DROP TABLE cdr;--", "\" OR 1=1 --", "1'); DELETE FROM customer; --", "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>", "${jndi:ldap://x/a}", "${env:HOME}", "#{7*7}", "{{7*7}}", "=cmd|' /C calc'!A0",
            "+SUM(1+1)", "-2+3", "@SUM(A1)", "\u0000", "a\u0000b", "\u0001\u0002\u0007\u001b[31m", "\r\n", "\n\n\n",
            "\u202Eevil\u202C", "\u200F\u200E\u061C", "\uFEFF", "\uFFFD", "\uD800", "\uDFFF\uD800", "😀".repeat(50),
            "Z\u0351\u0352\u0353a\u0354\u0355l\u0356g\u0357o", "../../etc/passwd", "%00", "%s%s%n", "\\", "\"", "'", ",", ";", "|",
            "\t", " ", "", "null", "NULL", "undefined", "true", "-0", "NaN", "ç".repeat(5_000), "\u4e2d".repeat(20_000));

    /** Number literals as they would appear unquoted in JSON or CSV. */
    public static final List<String> EXTREME_NUMBERS = List.of(
            "1e308", "-1e308", "1.7976931348623157E309", "4.9e-324", "1e-400", "1e999999", "-1e999999", "-0", "0.0", "-1",
            "0.5", "59.999", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
            "-9223372036854775809", "18446744073709551616", "9".repeat(400), "0." + "0".repeat(400) + "1", "1E2147483648");

    /** Number-like text that JSON does not allow unquoted: placed raw, it makes the document invalid. */
    public static final List<String> NON_JSON_NUMBERS = List.of("NaN", "Infinity", "-Infinity", "0x1F", "1_000", "+1", ".5", "1.", "01");

    public static final List<String> BAD_DATES = List.of(
            "0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
            "+10000-01-01T00:00:00Z", "+100000-01-01T00:00:00Z", "-000001-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-02-30T00:00:00Z",
            "2026-02-29T00:00:00Z", "2026-03-01T24:00:00Z", "2026-03-01T23:60:00Z", "2026-03-01T23:59:60Z",
            "2026-03-01T10:00:00+18:00", "2026-03-01T10:00:00-18:00", "2026-03-01T10:00:00+19:00", "2026-03-01T10:00:00+14:30",
            "2026-03-01T10:00:00.123456789123Z", "2026-03-01T10:00:00", "2026-03-01", "2026-03-01 10:00:00", "01/03/2026",
            "2026-W09-7", "1772359200", "1772359200000", "-1", "0", "yesterday", "", " ");

    private BadInputs() {}

    /** Runs {@code parse}, failing the try when it takes longer than {@link #HANG}: a hang is a finding too. */
    public static <T> T within(Supplier<T> parse) {
        return assertTimeoutPreemptively(HANG, parse::get, "a parse that hangs");
    }

    public static String deepArrays(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    public static String deepObjects(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    /** A JSON string literal. */
    public static String quoted(String text) {
        return TextNode.valueOf(text).toString();
    }

    public static Gen<String> injections() {
        return Gen.frequency(
                weight(6, Gen.of(INJECTIONS)),
                weight(2, Gen.strings(Gen.anyChar(), 0, 200)),
                weight(1, Gen.strings(Gen.anyChar(), 20_000, 70_000)),
                weight(1, Gen.pairs(Gen.of(INJECTIONS), Gen.strings(Gen.charsOf(Gen.ALPHA), 0, 10))
                        .map(p -> p.second() + p.first() + p.second())));
    }

    /** A raw JSON value that does not belong where it is put: wrong types, injection strings, extreme numbers, bad dates, deep nesting. */
    public static Gen<String> badJsonValues() {
        return Gen.frequency(
                weight(5, injections().map(BadInputs::quoted)),
                weight(3, Gen.of(EXTREME_NUMBERS)),
                weight(2, Gen.of(EXTREME_NUMBERS).map(BadInputs::quoted)),
                weight(1, Gen.of(NON_JSON_NUMBERS)),
                weight(4, Gen.of(BAD_DATES).map(BadInputs::quoted)),
                weight(1, Gen.of(BAD_DATES)),
                weight(2, Gen.of("null", "true", "false", "[]", "{}", "[null]", "{\"$gt\":\"\"}", "[\"a\",1]", "\"\"")),
                weight(2, Gen.longs().map(String::valueOf)),
                weight(2, Gen.doubles().map(d -> Double.isFinite(d) ? String.valueOf(d) : quoted(String.valueOf(d)))),
                weight(1, Gen.ints(1, 3_000).flatMap(d -> Gen.of(deepArrays(d), deepObjects(d)))),
                weight(1, Gen.of(deepArrays(DEEP), deepObjects(DEEP))));
    }

    /** The valid record with one value anywhere in it (nested ones too) replaced by a bad one, or one unknown field added. */
    public static Gen<String> mutatedJson(ObjectNode valid) {
        List<List<Object>> paths = new ArrayList<>();
        collect(valid, new ArrayList<>(), paths);
        Gen<List<Object>> path = Gen.of(paths);
        Gen<String> values = badJsonValues();
        Gen<Integer> extras = Gen.ints(0, 9);
        return r -> {
            List<Object> p = path.next(r);
            String value = values.next(r);
            int extra = extras.next(r);
            ObjectNode copy = valid.deepCopy();
            String marker = "\u0001MARK\u0001";
            if (extra == 0) copy.put("zz_unknown" + p.size(), marker);
            else put(copy, p, TextNode.valueOf(marker));
            return copy.toString().replace(quoted(marker), value);
        };
    }

    private static void collect(JsonNode node, List<Object> at, List<List<Object>> out) {
        if (node.isObject()) node.fieldNames().forEachRemaining(name -> {
            List<Object> p = new ArrayList<>(at);
            p.add(name);
            out.add(p);
            collect(node.get(name), p, out);
        });
        else if (node.isArray()) for (int i = 0; i < node.size(); i++) {
            List<Object> p = new ArrayList<>(at);
            p.add(i);
            out.add(p);
            collect(node.get(i), p, out);
        }
    }

    private static void put(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = root;
        for (int i = 0; i < path.size() - 1; i++)
            parent = path.get(i) instanceof Integer n ? parent.get(n) : parent.get((String) path.get(i));
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer n) ((ArrayNode) parent).set(n, value);
        else ((ObjectNode) parent).set((String) last, value);
    }

    /** The valid text cut at every possible position (the empty text and the whole one included). */
    public static Gen<String> truncated(String valid) {
        return Gen.ints(0, valid.length()).map(n -> valid.substring(0, n));
    }

    /** A CSV line with its commas turned into another delimiter. */
    public static Gen<String> wrongDelimiter(String csvLine) {
        return Gen.of(";", "\t", "|", " ", ",,", "\u001f").map(d -> csvLine.replace(",", d));
    }

    /** The text's bytes spoiled: another encoding, a BOM, invalid UTF-8 inserted, NULs, or random bytes. */
    public static Gen<byte[]> badBytes(String valid) {
        byte[] utf8 = valid.getBytes(StandardCharsets.UTF_8);
        List<byte[]> fixed = List.of(
                valid.getBytes(StandardCharsets.UTF_16LE), valid.getBytes(StandardCharsets.UTF_16BE), valid.getBytes(StandardCharsets.UTF_16),
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, valid.getBytes(StandardCharsets.UTF_16LE)),
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8),
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8),
                concat(new byte[] {0x00, 0x00, (byte) 0xFE, (byte) 0xFF}, utf8),
                valid.replace("a", "ä").replace("e", "é").getBytes(StandardCharsets.ISO_8859_1),
                valid.getBytes(java.nio.charset.Charset.forName("UTF-32")));
        Gen<Integer> at = Gen.ints(0, utf8.length);
        Gen<byte[]> junk = Gen.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                        new byte[] {0x00}, new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80});
        Gen<byte[]> inserted = r -> {
            int n = at.next(r);
            return concat(concat(java.util.Arrays.copyOf(utf8, n), junk.next(r)), java.util.Arrays.copyOfRange(utf8, n, utf8.length));
        };
        Gen<byte[]> random = Gen.bytes(0, 4_000);
        return Gen.oneOf(Gen.of(fixed), inserted, random);
    }

    /** Bytes as a server decodes them (UTF-8, malformed sequences replaced). */
    public static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Every kind of bad payload for a JSON record kind, as text. */
    public static Gen<String> badJsonPayloads(ObjectNode valid) {
        String text = valid.toString();
        return Gen.frequency(
                weight(8, mutatedJson(valid)),
                weight(3, truncated(text)),
                weight(2, badBytes(text).map(BadInputs::utf8)),
                weight(1, badBytes(text).map(b -> new String(b, StandardCharsets.ISO_8859_1))),
                weight(1, Gen.of(deepArrays(DEEP), deepObjects(DEEP), "[" + text + "]", text + text, text + "\n" + text,
                        text.replace("\"", "'"), text.replace(":", "="), "\uFEFF" + text, text + "\u0000")),
                weight(1, injections()),
                weight(1, oversized(text)));
    }

    /** The valid text with one value made huge, so that the record passes any size limit. */
    public static Gen<String> oversized(String text) {
        return Gen.ints(70_000, 1_100_000).map(n -> text.replaceFirst("\"[^\"]*\"(?=\\s*[,}])", quoted("x".repeat(n))));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    /** Whether the clean value survives the trip through its topic: written as JSON and read back equal. */
    public static <T> boolean roundTrips(T value, Class<T> type) {
        try {
            return value.equals(Json.MAPPER.readValue(Json.MAPPER.writeValueAsBytes(value), type));
        } catch (java.io.IOException e) {
            throw new AssertionError("a clean " + type.getSimpleName() + " does not survive its topic: " + e, e);
        }
    }
}
