package dev.switchboard.export;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What to export: {@code table} into the folder {@code dir}, partitioned by the local date (in {@code zone}) of
 * {@code partitionBy} (null: the table's default, see {@link TableExport}; {@code "none"}: not partitioned), only
 * the local dates {@code from} to {@code until} inclusive when given, and whether the partitions it covers may be
 * replaced.
 */
public record ExportRequest(String table, Path dir, String partitionBy, LocalDate from, LocalDate until, boolean overwrite, ZoneId zone) {
    public static final String NONE = "none";

    public boolean hasRange() {
        return from != null || until != null;
    }
}
