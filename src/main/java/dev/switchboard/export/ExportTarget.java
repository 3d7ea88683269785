package dev.switchboard.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder an export writes into. An empty or missing folder is used as it is; a folder with anything in it is
 * refused unless the request says overwrite, and then the partitions the export covers are deleted first: every
 * {@code dt=} folder and loose {@code .parquet} file for a whole-table export, only the {@code dt=} folders of the
 * range's dates for {@code --from/--until}. Anything else in the folder is left alone, so a daily export of one date
 * into a growing data set replaces that date and keeps the others.
 */
final class ExportTarget {
    static final String PREFIX = "dt=";

    private ExportTarget() {}

    static void prepare(Path dir, boolean partitioned, ExportRequest r) {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) throw new ExportException(dir + " exists and is not a folder");
            Files.createDirectories(dir);
            List<Path> entries;
            try (Stream<Path> s = Files.list(dir)) {
                entries = s.toList();
            }
            if (entries.isEmpty()) return;
            if (!r.overwrite()) {
                throw new ExportException(dir + " is not empty (" + entries.size() + " entries); give --overwrite to replace the partitions"
                        + " this export covers (" + (r.hasRange() ? "the dt= folders of its dates" : "every dt= folder and .parquet file") + ")");
            }
            for (Path e : entries) {
                String name = e.getFileName().toString();
                if (partitioned && Files.isDirectory(e) && name.startsWith(PREFIX) && covered(name.substring(PREFIX.length()), r)) deleteTree(e);
                else if (!r.hasRange() && Files.isRegularFile(e) && name.endsWith(".parquet")) Files.delete(e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Whether a {@code dt=} value lies in the request's range (any value, the null partition too, without a range). */
    private static boolean covered(String value, ExportRequest r) {
        if (!r.hasRange()) return true;
        LocalDate d;
        try {
            d = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return false;
        }
        return (r.from() == null || !d.isBefore(r.from())) && (r.until() == null || !d.isAfter(r.until()));
    }

    private static void deleteTree(Path root) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.walk(root)) {
            all = s.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : all) Files.delete(p);
    }
}
