package dev.switchboard.generate;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** {@code subscribers.csv}: the subscriber base kept in the data folder so that every run calls the same people. */
final class SubscriberFile {
    static final String NAME = "subscribers.csv";
    private static final String[] COLUMNS = {"number", "operator", "region"};
    private static final CSVFormat WRITE = CSVFormat.DEFAULT.builder().setHeader(COLUMNS).setRecordSeparator('\n').get();
    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private SubscriberFile() {}

    static List<Subscriber> read(Path file) throws IOException {
        List<Subscriber> subscribers = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file); CSVParser parser = READ.parse(reader)) {
            for (CSVRecord row : parser) {
                Subscriber subscriber = new Subscriber(row.get("number"), row.get("operator"), row.get("region"));
                if (!ValidNumbers.isValidFor(subscriber.number(), subscriber.region()))
                    throw new IllegalArgumentException(file + " line " + row.getRecordNumber()
                            + ": " + subscriber.number() + " is not a valid number for " + subscriber.region());
                subscribers.add(subscriber);
            }
        }
        return subscribers;
    }

    /** Written aside and moved into place, so a crash or a concurrent run never leaves a half file to load. */
    static void write(Path file, List<Subscriber> subscribers) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path partial = Files.createTempFile(dir, NAME, ".partial");
        try {
            try (Writer writer = Files.newBufferedWriter(partial); CSVPrinter printer = new CSVPrinter(writer, WRITE)) {
                for (Subscriber s : subscribers) printer.printRecord(s.number(), s.operator(), s.region());
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
