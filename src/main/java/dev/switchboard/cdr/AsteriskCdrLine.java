package dev.switchboard.cdr;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One line of Asterisk's {@code cdr_csv} Master.csv, and what it means as a {@link Cdr}.
 *
 * <p>Columns: accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp, lastdata, start,
 * answer, end, duration, billsec, disposition, amaflags, then what {@code cdr.conf} switched on:
 * uniqueid ({@code loguniqueid}), userfield ({@code loguserfield}), and peeraccount, linkedid, sequence
 * ({@code newcdrcolumns}). The line does not say which options were on, so the count decides:
 * 16 = none, 17 = uniqueid, 18 = uniqueid and userfield, 19 = the three new columns only, 20 = uniqueid
 * and the new columns, 21 = all. (A 17- or 20-column file written with userfield but not uniqueid is
 * read as if the userfield were the uniqueid; that only changes the id's prefix, not its uniqueness.)
 *
 * <p>Mapping: calling_number = src, called_number = dst, start_time = start read as local time in the
 * source zone, <b>duration_sec = billsec</b>, the talk time from answer to hang-up that calls are billed
 * by (not {@code duration}, which includes ringing), type = VOICE, operator = accountcode when not blank.
 * result = disposition, with CONGESTION counted as FAILED (the network could not complete the call).
 *
 * <p>id: {@code uniqueid-sequence} when both columns exist, since Asterisk makes that pair unique.
 * Otherwise several lines may share a uniqueid (one per dial attempt or bridge of a channel), so the id
 * is {@code uniqueid} (or {@code ast}) plus the first 12 hex digits of a SHA-256 over all the line's values:
 * distinct lines get distinct ids, a line imported twice gets the same id and is de-duplicated.
 */
public record AsteriskCdrLine(List<String> columns) {
    public static final int MIN_COLUMNS = 16;
    public static final int MAX_COLUMNS = 21;
    private static final Set<Integer> WITH_UNIQUEID = Set.of(17, 18, 20, 21);
    private static final int ID_HASH_HEX_DIGITS = 12;

    public AsteriskCdrLine {
        columns = List.copyOf(columns);
        if (columns.size() < MIN_COLUMNS || columns.size() > MAX_COLUMNS)
            throw new IllegalArgumentException("an Asterisk CDR line has " + MIN_COLUMNS + " to " + MAX_COLUMNS
                    + " columns, not " + columns.size());
    }

    /** Throws IllegalArgumentException when the text is not one CSV line of 16 to 21 columns. */
    public static AsteriskCdrLine parse(String line) {
        return new AsteriskCdrLine(CdrCsv.split(line));
    }

    public String accountcode() { return columns.get(0); }
    public String src() { return columns.get(1); }
    public String dst() { return columns.get(2); }
    public String start() { return columns.get(9); }
    public String answer() { return columns.get(10); }
    public String end() { return columns.get(11); }
    public String billsec() { return columns.get(13); }
    public String disposition() { return columns.get(14); }

    public Optional<String> uniqueid() {
        return WITH_UNIQUEID.contains(columns.size()) ? nonBlank(columns.get(16)) : Optional.empty();
    }

    public Optional<String> sequence() {
        return columns.size() >= 19 ? nonBlank(columns.get(columns.size() - 1)) : Optional.empty();
    }

    /** A stable id for this line; see the class comment. */
    public String id() {
        Optional<String> uniqueid = uniqueid();
        Optional<String> sequence = sequence();
        if (uniqueid.isPresent() && sequence.isPresent()) return uniqueid.get() + "-" + sequence.get();
        return uniqueid.orElse("ast") + "-" + lineHash().substring(0, ID_HASH_HEX_DIGITS);
    }

    /** The CDR fields this line stands for, its start read as local time in the given zone. */
    CdrFields fields(ZoneId sourceZone) {
        Map<String, String> values = new HashMap<>();
        values.put("id", id());
        values.put("calling_number", src());
        values.put("called_number", dst());
        values.put("start_time", start());
        values.put("duration_sec", billsec());
        values.put("type", CdrType.VOICE.name());
        values.put("result", result(disposition()));
        values.put("operator", accountcode());
        return new CdrFields(values, Set.of(), sourceZone);
    }

    private static String result(String disposition) {
        String upper = disposition.strip().toUpperCase(Locale.ROOT);
        return upper.equals("CONGESTION") ? CdrResult.FAILED.name() : disposition;
    }

    private String lineHash() {
        return CdrFingerprint.hex(CdrFingerprint.sha256(String.join("\u001f", columns)));
    }

    private static Optional<String> nonBlank(String value) {
        String stripped = value.strip();
        return stripped.isEmpty() ? Optional.empty() : Optional.of(stripped);
    }
}
