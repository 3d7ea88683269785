package dev.switchboard.cli;

import dev.switchboard.cdr.CdrFormat;
import dev.switchboard.generate.CallTimeMode;
import dev.switchboard.generate.CdrGenerator;
import dev.switchboard.generate.CdrWorkload;
import dev.switchboard.generate.GapDistribution;
import dev.switchboard.generate.SubscriberBase;
import dev.switchboard.platform.Settings;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write realistic synthetic records, deterministically for a seed.",
                "Callers come from the subscriber base kept in DATA/subscribers.csv (created on first use)."})
final class GenerateCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Parameters(paramLabel = "KIND", description = "what to generate: cdr")
    String kind;

    @Option(names = "--count", required = true, description = "number of records, errors and duplicates included")
    long count;

    @Option(names = "--seed", defaultValue = "1", description = "random seed; same seed, same output; default ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "output file; default standard output")
    Path out;

    @Option(names = "--format", defaultValue = "cdr-json", description = "cdr-json (NDJSON) or cdr-csv; default ${DEFAULT-VALUE}")
    String format;

    @Option(names = "--error-rate", defaultValue = "0", description = "share of records with an injected error of some kind; default ${DEFAULT-VALUE}")
    double errorRate;

    @Option(names = "--duplicate-rate", defaultValue = "0", description = "share of records that exactly repeat an earlier one; default ${DEFAULT-VALUE}")
    double duplicateRate;

    @Option(names = "--sms-share", defaultValue = "0.25", description = "share of SMS among records; default ${DEFAULT-VALUE}")
    double smsShare;

    @Option(names = "--international-rate", defaultValue = "0.08", description = "share of calls to foreign numbers; default ${DEFAULT-VALUE}")
    double internationalShare;

    @Option(names = "--business-rate", defaultValue = "0.15", description = "share of calls to business numbers; default ${DEFAULT-VALUE}")
    double businessShare;

    @Option(names = "--call-time", defaultValue = "business_hours", description = "hour-of-day profile: uniform, business_hours, evening, midnight; default ${DEFAULT-VALUE}")
    String callTime;

    @Option(names = "--gap", defaultValue = "exponential", description = "time between call starts: exponential, poisson, uniform; default ${DEFAULT-VALUE}")
    String gap;

    @Option(names = "--mean-gap", defaultValue = "2.0", description = "mean seconds between call starts; default ${DEFAULT-VALUE}")
    double meanGap;

    @Option(names = "--rate", paramLabel = "N", description = "live mode: N records a second, each a call ending now, instead of as fast as possible")
    Double rate;

    @Option(names = "--server", paramLabel = "URL", description = "live mode: post the records to a running Switchboard instead of writing them")
    String server;

    @Option(names = "--start", description = "time of the first call (ISO-8601); default " + "2025-01-06T00:00:00Z")
    Instant start;

    @Override
    public Integer call() throws Exception {
        if (!kind.equals("cdr")) throw new UserError("generate " + kind + ": this build generates cdr only");
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
        CdrGenerator generator = new CdrGenerator(workload, base);
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
}
