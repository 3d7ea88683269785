package dev.switchboard.marketing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The directory as CSV (RFC 4180): a header line {@code prefix,business_type,name} (any order, names
 * case-insensitive; {@code name} optional), then one entry per row. The type is the enum name or the
 * label, case-insensitive. Every bad row is reported with its line number, up to {@link #MAX_ERRORS}.
 */
public final class DirectoryCsv {
    public static final List<String> COLUMNS = List.of("prefix", "business_type", "name");
    static final int MAX_ERRORS = 20;
    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
    private static final String TYPES = "types: " + Arrays.toString(BusinessType.values());

    private DirectoryCsv() {}

    /** The entries of a file, in file order; all of them or a {@link DirectoryException} listing the bad rows. */
    public static List<DirectoryEntry> read(Reader in) throws IOException {
        List<String> errors = new ArrayList<>();
        List<DirectoryEntry> out = new ArrayList<>();
        try (CSVParser csv = CSVParser.parse(in, READ)) {
            Map<String, Integer> columns = null;
            Map<String, Long> seen = new HashMap<>();
            for (CSVRecord row : csv) {
                long line = csv.getCurrentLineNumber();
                if (columns == null) {
                    columns = header(row);
                    continue;
                }
                String prefix = cell(row, columns.get("prefix"));
                String typeText = cell(row, columns.get("business_type"));
                String name = columns.containsKey("name") ? cell(row, columns.get("name")) : "";
                List<String> wrong = new ArrayList<>();
                if (!DirectoryEntry.isPrefix(prefix)) wrong.add("prefix '" + prefix + "' is not '+' and 1 to 15 digits");
                var type = BusinessType.parse(typeText);
                if (type.isEmpty()) wrong.add("unknown business_type '" + typeText + "' (" + TYPES + ")");
                Long first = wrong.isEmpty() ? seen.putIfAbsent(prefix, line) : null;
                if (first != null) wrong.add("prefix " + prefix + " already on line " + first);
                if (!wrong.isEmpty()) {
                    if (errors.size() < MAX_ERRORS) errors.add("line " + line + ": " + String.join(", ", wrong));
                    else if (errors.size() == MAX_ERRORS) errors.add("… more bad rows");
                    continue;
                }
                out.add(new DirectoryEntry(prefix, type.get(), name.isEmpty() ? null : name));
            }
            if (columns == null) throw DirectoryException.invalid("bad directory CSV", List.of("empty: the header line " + COLUMNS + " is required"));
        } catch (UncheckedIOException | IllegalStateException e) {
            throw DirectoryException.invalid("bad directory CSV", List.of(e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
        }
        if (!errors.isEmpty()) throw DirectoryException.invalid("bad directory CSV", errors);
        return out;
    }

    private static Map<String, Integer> header(CSVRecord row) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < row.size(); i++) {
            String name = row.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name))
                throw DirectoryException.invalid("bad directory CSV", List.of("line 1: unknown column '" + row.get(i) + "' (header: " + COLUMNS + ")"));
            columns.put(name, i);
        }
        if (!columns.containsKey("prefix") || !columns.containsKey("business_type"))
            throw DirectoryException.invalid("bad directory CSV", List.of("line 1: a header with prefix and business_type is required (e.g. "
                    + String.join(",", COLUMNS) + ")"));
        return columns;
    }

    private static String cell(CSVRecord row, int column) {
        return column < row.size() ? row.get(column).strip() : "";
    }

    /** The entries with the header, types by enum name: what {@link #read} reads back. */
    public static void write(Writer out, List<DirectoryEntry> entries) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get());
        for (DirectoryEntry e : entries) csv.printRecord(e.prefix(), e.type().name(), e.name());
        csv.flush();
    }
}
