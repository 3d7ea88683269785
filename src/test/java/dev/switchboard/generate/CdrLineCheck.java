package dev.switchboard.generate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.cdr.CdrFormat;
import dev.switchboard.cdr.CdrReason;
import dev.switchboard.cdr.CdrResult;
import dev.switchboard.cdr.CdrType;
import dev.switchboard.platform.Json;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * An independent, deliberately plain reading of a generated line: which rejection reasons it
 * deserves. The tests judge the generator with it instead of trusting the generator's own counts.
 */
final class CdrLineCheck {
    static final Instant TOO_OLD_BEFORE = Instant.parse("2000-01-01T00:00:00Z");
    private static final List<String> REQUIRED = List.of("id", "calling_number", "called_number", "start_time", "type", "result");

    private CdrLineCheck() {}

    static List<CdrReason> reasons(String line, CdrFormat format) {
        Map<String, String> fields = format == CdrFormat.CDR_JSON ? jsonFields(line) : csvFields(line);
        if (fields == null) return List.of(CdrReason.UNPARSABLE);
        List<CdrReason> reasons = new ArrayList<>();
        for (String name : REQUIRED)
            if (fields.get(name) == null || fields.get(name).isBlank()) reasons.add(CdrReason.MISSING_FIELD);
        if (!reasons.isEmpty()) return reasons;
        for (String name : List.of("calling_number", "called_number"))
            if (!isValidNumber(fields.get(name))) reasons.add(CdrReason.INVALID_NUMBER);
        boolean knownType = Arrays.stream(CdrType.values()).anyMatch(t -> t.name().equals(fields.get("type")));
        if (!knownType) reasons.add(CdrReason.UNKNOWN_TYPE);
        if (Arrays.stream(CdrResult.values()).noneMatch(r -> r.name().equals(fields.get("result")))) reasons.add(CdrReason.UNKNOWN_RESULT);
        String duration = fields.get("duration_sec");
        if (duration != null && !duration.isEmpty()) {
            long seconds = Long.parseLong(duration);
            if ("SMS".equals(fields.get("type"))) reasons.add(CdrReason.SMS_WITH_DURATION);
            else if (seconds < 0) reasons.add(CdrReason.NEGATIVE_DURATION);
            else if (seconds > 86_400) reasons.add(CdrReason.DURATION_TOO_LONG);
        } else if ("VOICE".equals(fields.get("type"))) {
            reasons.add(CdrReason.MISSING_FIELD);
        }
        try {
            Instant start = Instant.parse(fields.get("start_time"));
            if (start.isAfter(Instant.now().plusSeconds(86_400))) reasons.add(CdrReason.FUTURE_START);
            if (start.isBefore(TOO_OLD_BEFORE)) reasons.add(CdrReason.START_TOO_OLD);
        } catch (DateTimeParseException e) {
            reasons.add(CdrReason.INVALID_VALUE);
        }
        return reasons;
    }

    static boolean isValidNumber(String e164) {
        try {
            return ValidNumbers.PHONE.isValidNumber(ValidNumbers.PHONE.parse(e164, null));
        } catch (Exception e) {
            return false;
        }
    }

    private static Map<String, String> jsonFields(String line) {
        try {
            JsonNode node = Json.MAPPER.readTree(line);
            if (node == null || !node.isObject()) return null;
            Map<String, String> fields = new HashMap<>();
            node.properties().forEach(e -> fields.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
            return fields;
        } catch (IOException e) {
            return null;
        }
    }

    private static Map<String, String> csvFields(String line) {
        try {
            List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(line)).getRecords();
            if (rows.size() != 1 || rows.get(0).size() != CdrLineWriter.COLUMNS.size()) return null;
            Map<String, String> fields = new HashMap<>();
            for (int i = 0; i < CdrLineWriter.COLUMNS.size(); i++) fields.put(CdrLineWriter.COLUMNS.get(i), rows.get(0).get(i));
            return fields;
        } catch (IOException e) {
            return null;
        }
    }
}
