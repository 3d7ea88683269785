package dev.switchboard.marketing.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A target list as CSV (RFC 4180, header line, CRLF): the JSON row's fields in the same order and spelling. */
public final class TargetCsv {
    static final String[] HEADER = {"caller", "tag", "business_type", "tag_share", "calls", "weekday", "hour", "confidence", "zone", "zone_guessed"};
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER).get();

    private TargetCsv() {}

    public static void write(Writer out, List<Target> rows) {
        try {
            CSVPrinter csv = new CSVPrinter(out, FORMAT);
            for (Target t : rows)
                csv.printRecord(t.caller(), t.tag(), t.businessType() == null ? "" : t.businessType(), t.tagShare().toPlainString(), t.calls(),
                        t.weekday(), t.hour(), t.confidence().toPlainString(), t.zone(), t.zoneGuessed());
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
