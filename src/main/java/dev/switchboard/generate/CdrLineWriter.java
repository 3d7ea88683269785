package dev.switchboard.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrFormat;
import dev.switchboard.platform.Json;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;

/**
 * Renders CDRs as lines of {@code cdr-json} or {@code cdr-csv}. Valid records go through the shared
 * mapper and the {@link Cdr} record itself, so they are exactly what mediation reads back; defective
 * ones go through a field map, which can hold what a Cdr cannot (a missing id, a type "MMS").
 */
final class CdrLineWriter {
    static final List<String> COLUMNS =
            List.of("id", "calling_number", "called_number", "start_time", "duration_sec", "type", "result", "operator");
    private static final ObjectWriter CDR_JSON = Json.MAPPER.writerFor(Cdr.class);
    private static final ObjectWriter FIELDS_JSON = Json.MAPPER.writer();
    private static final CSVFormat CSV = CSVFormat.DEFAULT;

    private CdrLineWriter() {}

    static String csvHeader() {
        return CSV.format(COLUMNS.toArray());
    }

    static String line(Cdr cdr, CdrFormat format) {
        return switch (requireSupported(format)) {
            case CDR_JSON -> json(CDR_JSON, cdr);
            default -> CSV.format(cdr.id(), cdr.callingNumber(), cdr.calledNumber(), cdr.startTime(),
                    cdr.durationSec() == null ? "" : cdr.durationSec(), cdr.type(), cdr.result(),
                    cdr.operator() == null ? "" : cdr.operator());
        };
    }

    /** In column order whatever the map's order; a missing key is an absent JSON member, or an empty CSV column. */
    static String line(Map<String, Object> fields, CdrFormat format) {
        return switch (requireSupported(format)) {
            case CDR_JSON -> {
                Map<String, Object> ordered = new LinkedHashMap<>();
                for (String column : COLUMNS) if (fields.containsKey(column)) ordered.put(column, fields.get(column));
                yield json(FIELDS_JSON, ordered);
            }
            default -> CSV.format(COLUMNS.stream().map(column -> fields.getOrDefault(column, "")).toArray());
        };
    }

    /** The record's fields in wire order, as JSON would carry them (numbers as numbers, the rest as text). */
    static Map<String, Object> fields(Cdr cdr) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", cdr.id());
        fields.put("calling_number", cdr.callingNumber());
        fields.put("called_number", cdr.calledNumber());
        fields.put("start_time", cdr.startTime().toString());
        if (cdr.durationSec() != null) fields.put("duration_sec", cdr.durationSec());
        fields.put("type", cdr.type().name());
        fields.put("result", cdr.result().name());
        if (cdr.operator() != null) fields.put("operator", cdr.operator());
        return fields;
    }

    static CdrFormat requireSupported(CdrFormat format) {
        if (format != CdrFormat.CDR_JSON && format != CdrFormat.CDR_CSV)
            throw new IllegalArgumentException("cannot generate " + format.wireName() + "; only cdr-json and cdr-csv");
        return format;
    }

    private static String json(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
