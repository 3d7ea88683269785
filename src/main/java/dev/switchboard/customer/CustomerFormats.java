package dev.switchboard.customer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.switchboard.callcenter.Sex;
import dev.switchboard.platform.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The import and export shapes of customers. JSON: one object, an array of objects, or NDJSON, fields
 * as in the API ({@code name, national_id, birth_date, sex, address, city, operator, phones,
 * subscriptions[{product_code, since, until}]}). CSV: a header with the same names, phones separated
 * by {@code ;}, subscriptions as {@code CODE:SINCE[:UNTIL]} separated by {@code ;}.
 * Error messages name the record and the field, never the value: the value may be personal data.
 */
public final class CustomerFormats {
    public enum Format { CSV, JSON }

    static final String[] CSV_COLUMNS = {"name", "national_id", "birth_date", "sex", "address", "city", "operator", "phones", "subscriptions"};
    private static final CSVFormat WRITE = CSVFormat.DEFAULT.builder().setHeader(CSV_COLUMNS).setRecordSeparator('\n').get();
    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();

    private CustomerFormats() {}

    public static Format format(String name) {
        try {
            return Format.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CustomerException(CustomerException.Code.INVALID, "unknown format '" + name + "' (use csv or json)");
        }
    }

    public static List<CustomerDraft> read(Reader in, Format format) throws IOException {
        return format == Format.CSV ? readCsv(in) : readJson(in);
    }

    /** One customer as JSON (the body of POST and PUT). */
    public static CustomerDraft readOne(String json) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw badJson(e);
        }
        if (node == null || !node.isObject()) throw new CustomerException(CustomerException.Code.INVALID, "bad JSON", List.of("expected one JSON object"));
        return draft(node, "");
    }

    static List<CustomerDraft> readJson(Reader in) throws IOException {
        String text = new BufferedReader(in).lines().collect(Collectors.joining("\n")).strip();
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<CustomerDraft> out = new ArrayList<>();
        if (text.startsWith("[")) {
            JsonNode array;
            try {
                array = Json.MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                throw badJson(e);
            }
            for (int i = 0; i < array.size(); i++) out.add(draft(array.get(i), "record " + (i + 1) + ": "));
            return out;
        }
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            try {
                out.add(draft(Json.MAPPER.readTree(lines[i]), "line " + (i + 1) + ": "));
            } catch (JsonProcessingException e) {
                throw new CustomerException(CustomerException.Code.INVALID, "bad JSON", List.of("line " + (i + 1) + ": " + where(e)));
            }
        }
        return out;
    }

    private static CustomerDraft draft(JsonNode node, String prefix) {
        if (node == null || !node.isObject()) throw new CustomerException(CustomerException.Code.INVALID, "bad JSON", List.of(prefix + "not an object"));
        try {
            return Json.MAPPER.treeToValue(node, CustomerDraft.class);
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof CustomerException ce) throw prefixed(ce, prefix);
            if (e.getCause() instanceof IllegalArgumentException iae)
                throw new CustomerException(CustomerException.Code.INVALID, "invalid customer", List.of(prefix + iae.getMessage()));
            throw new CustomerException(CustomerException.Code.INVALID, "bad JSON", List.of(prefix + where(e)));
        } catch (JsonProcessingException e) {
            throw new CustomerException(CustomerException.Code.INVALID, "bad JSON", List.of(prefix + where(e)));
        }
    }

    static List<CustomerDraft> readCsv(Reader in) throws IOException {
        List<CustomerDraft> out = new ArrayList<>();
        try (CSVParser parser = READ.parse(in)) {
            List<String> missing = Arrays.stream(CSV_COLUMNS).filter(c -> !c.equals("operator") && !c.equals("subscriptions"))
                    .filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
            if (!missing.isEmpty()) throw new CustomerException(CustomerException.Code.INVALID, "bad CSV header", List.of("missing columns " + missing));
            for (CSVRecord row : parser) {
                String prefix = "line " + (row.getRecordNumber() + 1) + ": ";
                try {
                    out.add(new CustomerDraft(row.get("name"), row.get("national_id"), date(row.get("birth_date"), "birth_date"), sex(row.get("sex")),
                            row.get("address"), row.get("city"), row.isMapped("operator") ? row.get("operator") : null, split(row.get("phones")),
                            row.isMapped("subscriptions") ? subscriptions(row.get("subscriptions")) : List.of()));
                } catch (CustomerException e) {
                    throw prefixed(e, prefix);
                } catch (IllegalArgumentException | IllegalStateException e) {
                    throw new CustomerException(CustomerException.Code.INVALID, "bad CSV", List.of(prefix + e.getMessage()));
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw new CustomerException(CustomerException.Code.INVALID, "bad CSV", List.of(e.getCause().getMessage()));
        } catch (org.apache.commons.csv.CSVException e) {
            // The header line is read when the parser opens, so its quoting errors come as this checked exception.
            throw new CustomerException(CustomerException.Code.INVALID, "bad CSV", List.of(e.getMessage()));
        }
        return out;
    }

    public static void writeCsv(Writer out, List<CustomerDraft> drafts) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, WRITE);
        for (CustomerDraft d : drafts) {
            printer.printRecord(d.name(), d.nationalId(), d.birthDate(), d.sex(), d.address(), d.city(), d.operator() == null ? "" : d.operator(),
                    String.join(";", d.phones()), d.subscriptions().stream()
                            .map(s -> s.productCode() + ":" + s.since() + (s.until() == null ? "" : ":" + s.until())).collect(Collectors.joining(";")));
        }
        printer.flush();
    }

    /** Reads back what {@link #writeCsv} wrote (for tests and for piping). */
    static List<CustomerDraft> readCsv(String text) throws IOException {
        return readCsv(new StringReader(text));
    }

    private static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split(";")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    private static List<Subscription> subscriptions(String s) {
        List<Subscription> out = new ArrayList<>();
        for (String part : split(s)) {
            String[] f = part.split(":");
            if (f.length < 2 || f.length > 3) throw new IllegalArgumentException("subscriptions: expected CODE:SINCE[:UNTIL], got '" + part + "'");
            out.add(new Subscription(f[0].strip(), date(f[1], "subscriptions"), f.length == 3 ? date(f[2], "subscriptions") : null));
        }
        return out;
    }

    private static LocalDate date(String s, String field) {
        if (s == null || s.isBlank()) return null;
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": not a date YYYY-MM-DD"); // the value itself is not repeated
        }
    }

    private static Sex sex(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return Sex.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sex: must be F or M");
        }
    }

    private static CustomerException prefixed(CustomerException e, String prefix) {
        return new CustomerException(e.code(), e.getMessage(), e.details().stream().map(d -> prefix + d).toList());
    }

    private static CustomerException badJson(JsonProcessingException e) {
        return new CustomerException(CustomerException.Code.INVALID, "bad JSON", List.of(where(e)));
    }

    /** Where the JSON went wrong (line, column, field), without Jackson's message, which quotes the input. */
    private static String where(JsonProcessingException e) {
        StringBuilder out = new StringBuilder();
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            out.append("field ").append(m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]").collect(Collectors.joining(".")));
            out.append(": wrong type or format");
        } else {
            out.append("not valid JSON");
        }
        if (e.getLocation() != null) out.append(" at line ").append(e.getLocation().getLineNr()).append(", column ").append(e.getLocation().getColumnNr());
        return out.toString();
    }
}
