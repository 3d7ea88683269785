package dev.switchboard.cdr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The {@code cdr-csv} wire format: one RFC 4180 line per CDR with the columns of {@link #COLUMNS}, in
 * that order and without a header. Files may come with a header in any column order; {@link #canonicalLine}
 * turns each of their rows into the wire form, so mediation sees one shape only.
 */
public final class CdrCsv {
    public static final List<String> COLUMNS = List.of(
            "id", "calling_number", "called_number", "start_time", "duration_sec", "type", "result", "operator");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;
    private static final char BOM = '\uFEFF';

    private CdrCsv() {}

    /**
     * Whether the first line of a file is a header: it names at least {@code id} and {@code calling_number}
     * (names compared trimmed and case-insensitively; a byte-order mark is ignored). Never throws.
     */
    public static boolean isHeader(String firstLine) {
        if (firstLine == null) return false;
        try {
            Set<String> names = split(firstLine).stream().map(CdrCsv::columnName).collect(Collectors.toSet());
            return names.contains("id") && names.contains("calling_number");
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * One row of a file with a header, as a wire line: the values of {@link #COLUMNS} in their order,
     * missing columns empty, other columns dropped. Header names are compared trimmed and case-insensitively.
     */
    public static String canonicalLine(Map<String, String> row) {
        Map<String, String> byColumn = new LinkedHashMap<>();
        row.forEach((name, value) -> {
            if (name != null) byColumn.putIfAbsent(columnName(name), value);
        });
        List<String> values = new ArrayList<>(COLUMNS.size());
        for (String column : COLUMNS) {
            String value = byColumn.get(column);
            values.add(value == null ? "" : value);
        }
        return FORMAT.format(values.toArray());
    }

    /** As {@link #canonicalLine(Map)}, for a record read by a parser that took its header from the file. */
    public static String canonicalLine(CSVRecord record) {
        if (record.getParser() == null || record.getParser().getHeaderNames().isEmpty())
            throw new IllegalArgumentException("the record was parsed without a header");
        return canonicalLine(record.toMap());
    }

    /** A clean CDR as a wire line; the start time as an ISO-8601 instant, absent values empty. */
    public static String line(Cdr cdr) {
        return FORMAT.format(
                cdr.id(),
                cdr.callingNumber(),
                cdr.calledNumber(),
                cdr.startTime().toString(),
                cdr.durationSec() == null ? "" : cdr.durationSec().toString(),
                cdr.type().name(),
                cdr.result().name(),
                cdr.operator() == null ? "" : cdr.operator());
    }

    /** The fields of one wire line; throws IllegalArgumentException when it is not one line of 8 columns. */
    static CdrFields fields(String line) {
        return CdrFields.ofColumns(split(line), null);
    }

    /**
     * The values of exactly one CSV record (quoted values may span lines); throws IllegalArgumentException
     * for anything else, including broken quoting.
     */
    static List<String> split(String line) {
        try (CSVParser parser = CSVParser.parse(line, FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) throw new IllegalArgumentException("expected one CSV record, got " + records.size());
            return records.get(0).toList();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("not CSV: " + e.getMessage(), e);
        }
    }

    private static String columnName(String name) {
        String stripped = !name.isEmpty() && name.charAt(0) == BOM ? name.substring(1) : name;
        return stripped.strip().toLowerCase(Locale.ROOT);
    }
}
