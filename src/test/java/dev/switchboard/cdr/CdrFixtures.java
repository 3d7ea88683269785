package dev.switchboard.cdr;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.switchboard.mediation.Mediated;
import dev.switchboard.mediation.RawRecord;
import dev.switchboard.mediation.Reason;
import dev.switchboard.platform.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;

/** Shared test data: a fixed clock, valid records in every format, and helpers to spoil them. */
final class CdrFixtures {
    /** The "now" of every test: no test reads the wall clock. */
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    /** Marks a field to leave out of a JSON record. */
    static final Object ABSENT = new Object();

    static final String START = "2026-03-01T10:15:30Z";

    // Asterisk lines written for these tests in the cdr_csv layout (FORMATS.md section 1).
    /** 16 columns: no uniqueid, userfield or new columns. */
    static final String ASTERISK_16 =
            "\"\",\"2015550123\",\"6502530000\",\"from-internal\",\"\"\"Ann\"\" <2015550123>\",\"SIP/2015550123-00000001\","
            + "\"SIP/trunk-00000002\",\"Dial\",\"SIP/trunk/6502530000,30\",\"2026-03-01 10:00:00\",\"2026-03-01 10:00:05\","
            + "\"2026-03-01 10:01:05\",65,60,\"ANSWERED\",\"DOCUMENTATION\"";
    /** 17 columns: with uniqueid. */
    static final String ASTERISK_17 = ASTERISK_16 + ",\"1772359200.17\"";
    /** 18 columns: uniqueid and userfield, the layout of most Master.csv files. */
    static final String ASTERISK_18 = ASTERISK_17 + ",\"\"";
    /** 21 columns: uniqueid, userfield, peeraccount, linkedid and the unquoted sequence. */
    static final String ASTERISK_21 = ASTERISK_18 + ",\"\",\"1772359200.17\",42";
    /** An unanswered leg: the never-set answer time is an empty unquoted field (Asterisk 12+). */
    static final String ASTERISK_NO_ANSWER =
            "\"\",\"1500\",\"3125550199\",\"local\",\"\"\"Joe\"\" <1500>\",\"SIP/1500-00000003\",\"SIP/trunk-00000004\","
            + "\"Dial\",\"SIP/trunk/3125550199,,r\",\"2026-03-01 09:00:00\",,\"2026-03-01 09:00:20\",20,0,\"NO ANSWER\","
            + "\"DOCUMENTATION\",\"1772355600.3\",\"\"";
    /** The same leg as written by Asterisk before 12: the answer time is a quoted empty string. */
    static final String ASTERISK_NO_ANSWER_OLD_STYLE = ASTERISK_NO_ANSWER.replace("00\",,\"2026", "00\",\"\",\"2026");

    private CdrFixtures() {}

    static CdrMediator mediator() {
        return new CdrMediator(CdrRules.defaults());
    }

    static Mediated<Cdr> mediate(String format, String payload) {
        return mediator().mediate(raw(format, payload), NOW);
    }

    static RawRecord raw(String format, String payload) {
        return new RawRecord("test", format, NOW, payload);
    }

    /** The fields of a valid answered voice call, as a sender would write them. */
    static Map<String, Object> voiceFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", "c-1");
        fields.put("calling_number", "2015550123");
        fields.put("called_number", "+44 20 7946 0958");
        fields.put("start_time", START);
        fields.put("duration_sec", 60);
        fields.put("type", "VOICE");
        fields.put("result", "ANSWERED");
        fields.put("operator", "acme");
        return fields;
    }

    /** The clean record {@link #voiceFields()} stands for. */
    static Cdr voiceCdr() {
        return new Cdr("c-1", "+12015550123", "+442079460958", Instant.parse(START), 60,
                CdrType.VOICE, CdrResult.ANSWERED, "acme");
    }

    /** A valid voice call in cdr-json with some fields replaced: name, value pairs; ABSENT removes. */
    static String voiceJson(Object... overrides) {
        Map<String, Object> fields = voiceFields();
        for (int i = 0; i < overrides.length; i += 2) {
            String name = (String) overrides[i];
            if (overrides[i + 1] == ABSENT) fields.remove(name);
            else fields.put(name, overrides[i + 1]);
        }
        try {
            return Json.MAPPER.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid voice call as a cdr-csv line, with overrides as in {@link #voiceJson}; ABSENT leaves the column empty. */
    static String voiceCsv(Object... overrides) {
        Map<String, Object> fields = voiceFields();
        for (int i = 0; i < overrides.length; i += 2) fields.put((String) overrides[i], overrides[i + 1]);
        List<String> values = new ArrayList<>();
        for (String column : CdrCsv.COLUMNS) {
            Object value = fields.get(column);
            values.add(value == ABSENT ? "" : Objects.toString(value, ""));
        }
        return CSVFormat.RFC4180.format(values.toArray());
    }

    /** An Asterisk line with the column at a position (0-based) replaced by a value, every column quoted. */
    static String asteriskWith(String line, int index, String value) {
        List<String> columns = new ArrayList<>(AsteriskCdrLine.parse(line).columns());
        columns.set(index, value);
        List<String> quoted = new ArrayList<>();
        for (String column : columns) quoted.add("\"" + column.replace("\"", "\"\"") + "\"");
        return String.join(",", quoted);
    }

    static Mediated<Cdr> mediateJson(Object... overrides) {
        return mediate("cdr-json", voiceJson(overrides));
    }

    static List<Reason> reasons(Mediated<Cdr> mediated) {
        if (mediated instanceof Mediated.Rejected<Cdr> rejected) return rejected.reasons();
        throw new AssertionError("expected a rejection, got " + mediated);
    }

    static Cdr clean(Mediated<Cdr> mediated) {
        if (mediated instanceof Mediated.Clean<Cdr> clean) return clean.value();
        throw new AssertionError("expected a clean record, got " + mediated);
    }

    static Reason reason(CdrReason code, String field) {
        return Reason.of(code, field);
    }
}
