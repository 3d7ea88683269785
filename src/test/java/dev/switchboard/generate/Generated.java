package dev.switchboard.generate;

import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrFormat;
import dev.switchboard.platform.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Test fixtures: one base for all generator tests, and whole runs collected as lines. */
final class Generated {
    static final SubscriberBase BASE = SubscriberBase.create("US", SubscriberBase.DEFAULT_SIZE, 7);

    private Generated() {}

    static List<String> lines(CdrWorkload workload, CdrFormat format) {
        return lines(new CdrGenerator(workload, BASE), format);
    }

    static List<String> lines(CdrGenerator generator, CdrFormat format) {
        List<String> lines = new ArrayList<>();
        generator.lines(format).forEachRemaining(lines::add);
        return lines;
    }

    /** The new valid records of a JSON run: lines without defects, first occurrences only. */
    static List<Cdr> validCalls(List<String> jsonLines) {
        Set<String> seen = new HashSet<>();
        List<Cdr> calls = new ArrayList<>();
        for (String line : jsonLines)
            if (CdrLineCheck.reasons(line, CdrFormat.CDR_JSON).isEmpty() && seen.add(line)) calls.add(read(line));
        return calls;
    }

    static Cdr read(String jsonLine) {
        try {
            return Json.MAPPER.readValue(jsonLine, Cdr.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
