package dev.switchboard.export;

import java.nio.file.Path;
import java.util.List;

/** What an export wrote: rows, the date column partitioned by (null: none) and the {@code dt=} folders written. */
public record ExportResult(String table, Path dir, String partitionColumn, long rows, List<String> partitions, long files) {}
