package dev.switchboard.generate;

import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrFormat;
import dev.switchboard.cdr.CdrReason;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A reproducible stream of CDR lines: the same workload (seed included) and base give the same
 * lines, byte for byte. Stateful and not thread-safe: each line continues the stream, whether it is
 * drawn through {@link #lines}, {@link #nextLine} or {@link #nextLiveLine}.
 */
public final class CdrGenerator {
    private final CdrWorkload workload;
    private final UniformRandomProvider rng;
    private final CallSampler calls;
    private final StartClock clock;
    private final DefectInjector defects;
    private final RecentCalls recent = new RecentCalls();
    private long valid;
    private long duplicates;
    private final Map<CdrReason, Long> errors = new EnumMap<>(CdrReason.class);

    public CdrGenerator(CdrWorkload workload, SubscriberBase base) {
        this.workload = workload;
        this.rng = RandomSource.XO_RO_SHI_RO_128_PP.create(workload.seed());
        this.calls = new CallSampler(workload, base, rng);
        this.clock = new StartClock(workload.gap().sampler(rng, workload.meanGapSec()),
                workload.callTimeMode(), workload.zone(), workload.start());
        this.defects = new DefectInjector(rng, calls);
    }

    /** The header line first for {@code cdr-csv}, then the next {@code workload.count()} records. */
    public Iterator<String> lines(CdrFormat format) {
        CdrLineWriter.requireSupported(format);
        return new Iterator<>() {
            private boolean headerDue = format == CdrFormat.CDR_CSV;
            private long left = workload.count();

            @Override
            public boolean hasNext() {
                return headerDue || left > 0;
            }

            @Override
            public String next() {
                if (!hasNext()) throw new NoSuchElementException();
                if (headerDue) {
                    headerDue = false;
                    return csvHeader();
                }
                left--;
                return nextLine(format);
            }
        };
    }

    /** One record of the batch stream: starts follow the workload's gaps and hour profile. */
    public String nextLine(CdrFormat format) {
        return emit(format, () -> calls.startingAt(clock.next()));
    }

    /**
     * One record of a call that ended at about {@code now}, for a generator that runs at a rate per
     * second: starts go by the wall clock here, not by the workload's gaps.
     */
    public String nextLiveLine(CdrFormat format, Instant now) {
        Instant end = now.truncatedTo(ChronoUnit.SECONDS);
        return emit(format, () -> calls.endingAt(end));
    }

    public GeneratedCounts counts() {
        return new GeneratedCounts(valid, duplicates, errors);
    }

    public static String csvHeader() {
        return CdrLineWriter.csvHeader();
    }

    private String emit(CdrFormat format, Supplier<Cdr> newCall) {
        CdrLineWriter.requireSupported(format);
        double u = rng.nextDouble();
        if (u < workload.duplicateRate() && !recent.isEmpty()) {
            duplicates++;
            return CdrLineWriter.line(recent.pick(rng), format);
        }
        Cdr cdr = newCall.get();
        // A draw in the duplicate band with nothing yet to repeat becomes a valid record, not an
        // error, so that the error share stays errorRate.
        if (u >= workload.duplicateRate() && u < workload.duplicateRate() + workload.errorRate()) {
            CdrReason kind = defects.pickKind();
            errors.merge(kind, 1L, Long::sum);
            return defects.inject(cdr, kind, format);
        }
        recent.add(cdr);
        valid++;
        return CdrLineWriter.line(cdr, format);
    }
}
