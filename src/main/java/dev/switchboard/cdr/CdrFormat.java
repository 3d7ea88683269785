package dev.switchboard.cdr;

import java.util.Arrays;
import java.util.Optional;

/** Wire formats a CDR can arrive in. The name is what {@code --format} and {@link dev.switchboard.mediation.RawRecord#format()} use. */
public enum CdrFormat {
    /** One JSON object with the {@link Cdr} field names (snake_case). */
    CDR_JSON("cdr-json"),
    /** One CSV line in the column order of {@link CdrCsv#COLUMNS}. */
    CDR_CSV("cdr-csv"),
    /** One line of Asterisk's cdr_csv Master.csv (16 to 21 columns, no header). */
    ASTERISK_CDR("asterisk-cdr");

    private final String wireName;

    CdrFormat(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<CdrFormat> byName(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(name)).findFirst();
    }
}
