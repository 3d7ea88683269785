package dev.switchboard.cli;

import dev.switchboard.callcenter.CallEvent;
import dev.switchboard.callcenter.CallEventType;
import dev.switchboard.callcenter.Caller;
import dev.switchboard.callcenter.simulate.CallCenterConfig;
import dev.switchboard.callcenter.simulate.CallSimulation;
import dev.switchboard.callcenter.simulate.Callers;
import dev.switchboard.callcenter.simulate.SubjectModel;
import dev.switchboard.cdr.CdrFormat;
import dev.switchboard.generate.CallTimeMode;
import dev.switchboard.generate.CdrGenerator;
import dev.switchboard.generate.CdrWorkload;
import dev.switchboard.generate.GapDistribution;
import dev.switchboard.generate.SubscriberBase;
import dev.switchboard.ivr.IvrGenerator;
import dev.switchboard.marketing.BusinessDirectory;
import dev.switchboard.marketing.DirectoryCsv;
import dev.switchboard.marketing.DirectoryException;
import dev.switchboard.platform.Json;
import dev.switchboard.platform.Settings;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write realistic synthetic records, deterministically for a seed.",
                "cdr: call-detail records; callers come from the subscriber base kept in DATA/subscribers.csv (created on first use).",
                "call: call-center call events (QUEUED, ANSWERED, ABANDONED, ENDED) from a discrete-event simulation of a",
                "  mid-size call center in --zone, as fast as possible, as NDJSON (call-json); see docs/CALL-SIMULATOR.md.",
                "ctr: Amazon Connect contact records (ctr-json): queues, answered and abandoned contacts, transfers, later updates;",
                "  --error-rate and --duplicate-rate (exact replays) apply; see docs/CONTACTS.md.",
                "ivr: IVR chatbot sessions with their conversation turns over --months months from --start, as NDJSON (ivr-json);",
                "  see docs/IVR.md."})
final class GenerateCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Parameters(paramLabel = "KIND", description = "what to generate: cdr (call-detail records), call (call-center call events), ctr (contact records) or ivr (IVR sessions)")
    String kind;

    @Option(names = "--count", required = true, description = "number of records, errors and duplicates included")
    long count;

    @Option(names = "--seed", defaultValue = "1", description = "random seed; same seed, same output; default ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "output file; default standard output")
    Path out;

    @Option(names = "--format", description = "cdr: cdr-json (NDJSON, the default) or cdr-csv; call: call-json (NDJSON, the default)")
    String format;

    @Option(names = "--error-rate", defaultValue = "0", description = "cdr, ctr, ivr: share of records with an injected error of some kind; default ${DEFAULT-VALUE}")
    double errorRate;

    @Option(names = "--duplicate-rate", defaultValue = "0", description = "cdr, ctr, ivr: share of records that exactly repeat an earlier one; default ${DEFAULT-VALUE}")
    double duplicateRate;

    @Option(names = "--sms-share", defaultValue = "0.25", description = "cdr: share of SMS among records; default ${DEFAULT-VALUE}")
    double smsShare;

    @Option(names = "--international-rate", defaultValue = "0.08", description = "cdr: share of calls to foreign numbers; default ${DEFAULT-VALUE}")
    double internationalShare;

    @Option(names = "--business-rate", defaultValue = "0.15", description = {"cdr: share of calls to business numbers, drawn from the business directory",
            "  (the region's default one, or --directory) weighted by business type (docs/MARKETING.md); default ${DEFAULT-VALUE}"})
    double businessShare;

    @Option(names = "--directory", paramLabel = "CSV", description = "cdr: call the businesses of this directory file (prefix,business_type,name) "
            + "instead of the region's default directory")
    Path directory;

    @Option(names = "--call-time", defaultValue = "business_hours", description = "cdr: hour-of-day profile: uniform, business_hours, evening, midnight; default ${DEFAULT-VALUE}")
    String callTime;

    @Option(names = "--gap", defaultValue = "exponential", description = "cdr: time between call starts: exponential, poisson, uniform; default ${DEFAULT-VALUE}")
    String gap;

    @Option(names = "--mean-gap", defaultValue = "2.0", description = "cdr: mean seconds between call starts; default ${DEFAULT-VALUE}")
    double meanGap;

    @Option(names = "--rate", paramLabel = "N", description = "cdr live mode: N records a second, each a call ending now, instead of as fast as possible")
    Double rate;

    @Option(names = "--server", paramLabel = "URL", description = "cdr live mode: post the records to a running Switchboard instead of writing them")
    String server;

    @Option(names = "--start", description = "time of the first call (ISO-8601); default 2025-01-06T00:00:00Z (a Monday)")
    Instant start;

    @Option(names = "--months", defaultValue = "6", description = "ivr: months of history the sessions span; default ${DEFAULT-VALUE}")
    int months;

    @Override
    public Integer call() throws Exception {
        if (kind.equals("call")) return generateCalls(common.settings(Map.of()));
        if (kind.equals("ctr")) return generateContacts();
        if (kind.equals("ivr")) return generateIvr();
        if (!kind.equals("cdr")) throw new UserError("generate " + kind + ": this build generates cdr, call, ctr and ivr only");
        if (format == null) format = CdrFormat.CDR_JSON.wireName();
        CdrFormat cdrFormat = CdrFormat.byName(format).filter(f -> f != CdrFormat.ASTERISK_CDR)
                .orElseThrow(() -> new UserError("unknown --format '" + format + "' (use cdr-json or cdr-csv)"));
        Settings settings = common.settings(Map.of());
        CdrWorkload workload;
        try {
            workload = CdrWorkload.defaults().toBuilder()
                    .count(count).seed(seed).errorRate(errorRate).duplicateRate(duplicateRate)
                    .smsShare(smsShare).internationalShare(internationalShare).businessShare(businessShare)
                    .callTimeMode(CallTimeMode.valueOf(callTime.toUpperCase(Locale.ROOT)))
                    .gap(GapDistribution.valueOf(gap.toUpperCase(Locale.ROOT)), meanGap)
                    .start(start != null ? start : CdrWorkload.DEFAULT_START)
                    .zone(settings.zone())
                    .build();
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        SubscriberBase base = SubscriberBase.loadOrCreate(settings.dataDir(), settings.region());
        if (directory != null) base = base.withBusinesses(readDirectory(directory));
        CdrGenerator generator;
        try {
            generator = new CdrGenerator(workload, base);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        if (server != null && rate == null) throw new UserError("--server needs --rate (live mode)");
        if (rate != null) {
            if (!(rate > 0)) throw new UserError("--rate must be positive");
            new LiveFeed(generator, cdrFormat, rate, count).run(server != null ? LiveFeed.toServer(new ServerClient(server), cdrFormat)
                    : LiveFeed.toWriter(out == null ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                            : Files.newBufferedWriter(out, StandardCharsets.UTF_8)));
            System.err.println("generated " + generator.counts());
            return 0;
        }
        long t0 = System.nanoTime();
        try (Writer w = out == null
                ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)
                : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (Iterator<String> lines = generator.lines(cdrFormat); lines.hasNext(); ) {
                w.write(lines.next());
                w.write('\n');
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.err.printf("generated %s in %.1f s%n", generator.counts(), seconds);
        return 0;
    }

    private static BusinessDirectory readDirectory(Path file) throws java.io.IOException {
        if (!Files.isRegularFile(file)) throw new UserError("no such file: " + file);
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return BusinessDirectory.of(DirectoryCsv.read(in));
        } catch (DirectoryException e) {
            throw new UserError(e.oneLine());
        }
    }

    private Integer generateCalls(Settings settings) throws Exception {
        if (format != null && !format.equals("call-json")) throw new UserError("unknown --format '" + format + "' for call (use call-json)");
        if (rate != null || server != null) throw new UserError("generate call has no live mode: demo plays calls live");
        if (errorRate != 0 || duplicateRate != 0) throw new UserError("--error-rate and --duplicate-rate are for cdr only");
        if (count < 0) throw new UserError("--count must not be negative");
        CallSimulation simulation = new CallSimulation(CallCenterConfig.defaults(settings.zone(), seed), callers(settings),
                SubjectModel.standard());
        EnumMap<CallEventType, Long> counts = new EnumMap<>(CallEventType.class);
        for (CallEventType t : CallEventType.values()) counts.put(t, 0L);
        long t0 = System.nanoTime();
        try (Writer w = out == null
                ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)
                : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            Iterator<CallEvent> events = simulation.events(start != null ? start : CdrWorkload.DEFAULT_START);
            for (long i = 0; i < count; i++) {
                CallEvent e = events.next();
                counts.merge(e.event(), 1L, Long::sum);
                w.write(Json.MAPPER.writeValueAsString(e));
                w.write('\n');
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        StringBuilder summary = new StringBuilder("generated total=" + count);
        counts.forEach((type, n) -> summary.append(' ').append(type).append('=').append(n));
        System.err.printf("%s in %.1f s%n", summary, seconds);
        return 0;
    }

    /** Amazon Connect contact records as NDJSON (ctr-json): new contacts, transfers, updates, replays and errors; docs/CONTACTS.md. */
    private Integer generateContacts() throws Exception {
        if (format != null && !format.equals("ctr-json")) throw new UserError("unknown --format '" + format + "' for ctr (use ctr-json)");
        if (rate != null || server != null) throw new UserError("generate ctr has no live mode");
        dev.switchboard.contact.ContactGenerator generator;
        try {
            generator = new dev.switchboard.contact.ContactGenerator(new dev.switchboard.contact.ContactGenerator.Workload(count, seed,
                    start != null ? start : CdrWorkload.DEFAULT_START, errorRate, duplicateRate, 0.08, 0.10, 0.15));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        return writeLines(generator::hasNext, generator::next, generator::counts);
    }

    private Integer generateIvr() throws Exception {
        if (format != null && !format.equals("ivr-json")) throw new UserError("unknown --format '" + format + "' for ivr (use ivr-json)");
        if (rate != null || server != null) throw new UserError("generate ivr has no live mode");
        IvrGenerator generator;
        try {
            generator = new IvrGenerator(count, seed, start != null ? start : CdrWorkload.DEFAULT_START, months, errorRate, duplicateRate);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        return writeLines(generator::hasNext, generator::next, generator::counts);
    }

    /** Lines of a generator to --out (or standard output), one per record, and what it generated to standard error. */
    private Integer writeLines(java.util.function.BooleanSupplier hasNext, java.util.function.Supplier<String> next,
                               java.util.function.Supplier<Object> counts) throws java.io.IOException {
        long t0 = System.nanoTime();
        try (Writer w = out == null
                ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)
                : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            while (hasNext.getAsBoolean()) {
                w.write(next.get());
                w.write('\n');
            }
        }
        System.err.printf("generated %s in %.1f s%n", counts.get(), (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    /**
     * Who calls the simulated call center: the one place to choose. Synthetic customers for now; once
     * the customer table exists, its callers (a {@code CallerDirectory.all()}) belong here.
     */
    static List<Caller> callers(Settings settings) {
        return Callers.synthetic(Callers.DEFAULT_COUNT, Callers.DEFAULT_SEED, settings.region());
    }
}
