package dev.switchboard.cdr;

import static dev.switchboard.cdr.CdrFixtures.clean;
import static dev.switchboard.cdr.CdrFixtures.mediate;
import static dev.switchboard.cdr.CdrFixtures.voiceCdr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CdrCsvTest {
    @Test
    void columnsAreTheCdrFieldsInWireOrder() {
        assertThat(CdrCsv.COLUMNS).containsExactly(
                "id", "calling_number", "called_number", "start_time", "duration_sec", "type", "result", "operator");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "id,calling_number,called_number,start_time,duration_sec,type,result,operator",
        "calling_number,id",
        " ID , Calling_Number ,extra",
        "\uFEFFid,calling_number",
        "\"id\",\"calling_number\""})
    void lineNamingIdAndCallingNumberIsAHeader(String line) {
        assertThat(CdrCsv.isHeader(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "c-1,2015550123,6502530000,2026-03-01T10:15:30Z,60,VOICE,ANSWERED,acme",
        "id,called_number",
        "",
        "\"id,calling_number"})
    void otherLinesAreNoHeader(String line) {
        assertThat(CdrCsv.isHeader(line)).isFalse();
        assertThat(CdrCsv.isHeader(null)).isFalse();
    }

    @Test
    void rowIsReorderedIntoColumnOrderWithMissingColumnsEmptyAndExtraColumnsDropped() {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("result", "BUSY");
        row.put("Calling_Number", "2015550123");
        row.put("note", "dropped");
        row.put("id", "c-9");
        row.put("type", "VOICE");
        assertThat(CdrCsv.canonicalLine(row)).isEqualTo("c-9,2015550123,,,,VOICE,BUSY,");
    }

    @Test
    void valuesNeedingQuotesAreQuotedTheRfc4180Way() {
        Map<String, String> row = Map.of("id", "a,b", "operator", "say \"hi\"", "called_number", "line\nbreak");
        assertThat(CdrCsv.canonicalLine(row)).isEqualTo("\"a,b\",,\"line\nbreak\",,,,,\"say \"\"hi\"\"\"");
    }

    @Test
    void recordOfAFileWithAHeaderBecomesACanonicalLine() throws IOException {
        String file = "type,id,calling_number,called_number,result,start_time,duration_sec,region\n"
                + "VOICE,c-1,2015550123,+44 20 7946 0958,ANSWERED,2026-03-01T10:15:30Z,60,north\n";
        CSVFormat withHeader = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(file, withHeader)) {
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).hasSize(1);
            assertThat(CdrCsv.canonicalLine(records.get(0)))
                    .isEqualTo("c-1,2015550123,+44 20 7946 0958,2026-03-01T10:15:30Z,60,VOICE,ANSWERED,");
        }
    }

    @Test
    void recordParsedWithoutAHeaderIsRefused() throws IOException {
        try (CSVParser parser = CSVParser.parse("a,b", CSVFormat.RFC4180)) {
            CSVRecord record = parser.getRecords().get(0);
            assertThatThrownBy(() -> CdrCsv.canonicalLine(record)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void cleanCdrPrintsAsAWireLine() {
        assertThat(CdrCsv.line(voiceCdr()))
                .isEqualTo("c-1,+12015550123,+442079460958,2026-03-01T10:15:30Z,60,VOICE,ANSWERED,acme");
    }

    @Test
    void smsPrintsWithEmptyDurationAndNoOperatorAsEmpty() {
        Cdr sms = new Cdr("s-1", "1500", "99", Instant.parse("2026-03-01T10:00:00Z"), null,
                CdrType.SMS, CdrResult.ANSWERED, null);
        assertThat(CdrCsv.line(sms)).isEqualTo("s-1,1500,99,2026-03-01T10:00:00Z,,SMS,ANSWERED,");
    }

    @Test
    void printedLineMediatesBackToTheSameCdr() {
        Cdr quoted = new Cdr("c,\"1\"", "+12015550123", "99", Instant.parse("2026-03-01T10:00:00.250Z"), 5,
                CdrType.VOICE, CdrResult.NO_ANSWER, "Acme, Inc.");
        for (Cdr cdr : List.of(voiceCdr(), quoted)) {
            assertThat(clean(mediate("cdr-csv", CdrCsv.line(cdr)))).isEqualTo(cdr);
        }
    }
}
