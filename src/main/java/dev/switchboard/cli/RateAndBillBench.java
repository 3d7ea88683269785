package dev.switchboard.cli;

import dev.switchboard.billing.BatchBilling;
import dev.switchboard.billing.BillingRun;
import dev.switchboard.cdr.CdrFormat;
import dev.switchboard.generate.CdrGenerator;
import dev.switchboard.generate.CdrWorkload;
import dev.switchboard.generate.Subscriber;
import dev.switchboard.generate.SubscriberBase;
import dev.switchboard.rating.ExampleTariffs;
import dev.switchboard.rating.Tariffs;
import java.io.BufferedWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code switchboard bench rate-and-bill}: N clean CDRs written once by the generator to NDJSON (not timed,
 * or an existing file with {@code --input}), then read, rated and billed in one batch by
 * {@link BatchBilling}; prints the time of each phase, CDR/s, the totals per currency and the reconciliation.
 */
public final class RateAndBillBench {
    private RateAndBillBench() {}

    /** The generator's subscribers (the default base of region US) and the example tariffs spread over them, as the demo stores them. */
    public static Tariffs tariffs() {
        var base = SubscriberBase.create("US", SubscriberBase.DEFAULT_SIZE, SubscriberBase.DEFAULT_SEED);
        return ExampleTariffs.forSubscribers(base.subscribers().stream().map(Subscriber::number).toList());
    }

    /** Writes {@code count} clean CDRs (no defects, no duplicates) as NDJSON. */
    static void generate(Path file, long count, long seed) throws Exception {
        CdrWorkload w = CdrWorkload.defaults().toBuilder().count(count).seed(seed).errorRate(0).duplicateRate(0).build();
        CdrGenerator g = new CdrGenerator(w, SubscriberBase.create("US", SubscriberBase.DEFAULT_SIZE, SubscriberBase.DEFAULT_SEED));
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Iterator<String> it = g.lines(CdrFormat.CDR_JSON); it.hasNext(); ) {
                out.write(it.next());
                out.write('\n');
            }
        }
    }

    static int run(Path dir, long count, long seed, Path input, boolean keep, int threads, Path billsOut) throws Exception {
        Path file = input;
        if (file == null) {
            file = (keep ? dir : Files.createDirectories(dir)).resolve("cdrs.ndjson");
            long g0 = System.nanoTime();
            generate(file, count, seed);
            System.out.printf("generated %,d CDRs (%,d bytes) in %.1f s (not counted)%n", count, Files.size(file), secs(g0));
        }
        Tariffs t = tariffs();
        BatchBilling batch = new BatchBilling(t, threads);
        long t0 = System.nanoTime();
        BatchBilling.Input in = batch.read(file);
        double read = secs(t0);
        long t1 = System.nanoTime();
        BatchBilling.Rating rating = batch.rate(in);
        double rate = secs(t1);
        long t2 = System.nanoTime();
        BatchBilling.Result result = batch.bill(rating);
        double bill = secs(t2);
        double total = secs(t0);
        long n = in.size();
        System.out.printf("product batch, %d threads, heap max %,d MB: %,d CDRs (%,d unreadable), %,d priced, %,d not priced, %,d bills%n",
                threads, Runtime.getRuntime().maxMemory() >> 20, n, in.unreadable(), rating.priced(), rating.unpriced(), result.bills().size());
        System.out.printf("  read %.2f s · rate %.2f s · bill %.2f s%n", read, rate, bill);
        System.out.printf("PRODUCT_SECONDS %.3f%n", total);
        System.out.printf("  total %.2f s → %,.0f CDR/s%n", total, n / total);
        printTotals(result.totals());
        for (BillingRun.Reconciliation r : result.reconciliation())
            System.out.printf("  reconciliation %s: bills %s = cdrs %s → %s%n", r.currency(), r.bills().toPlainString(), r.cdrs().toPlainString(), r.equal());
        System.out.println(result.reconciled() ? "RECONCILED" : "NOT RECONCILED");
        if (billsOut != null) writeBills(billsOut, result.bills());
        return result.reconciled() ? 0 : 1;
    }

    /** One line per currency, the same text as the Spark job prints, so that run.sh can compare them. */
    public static void printTotals(Map<String, BigDecimal[]> totals) {
        totals.forEach((cur, s) -> System.out.printf("TOTAL %s amount=%s tax=%s total=%s%n", cur,
                s[0].stripTrailingZeros().toPlainString(), s[1].stripTrailingZeros().toPlainString(), s[2].stripTrailingZeros().toPlainString()));
    }

    /** The bills, one line each, sorted, amounts without trailing zeros: the same text as the Spark job writes, to diff them. */
    public static void writeBills(Path file, java.util.List<dev.switchboard.billing.Bill> bills) throws java.io.IOException {
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (var b : bills)
            lines.add(String.join(",", b.subscriber(), b.period(), b.currency(), b.planId(), "" + b.calls(), "" + b.sms(), "" + b.totalSeconds(),
                    "" + b.billedSeconds(), "" + b.freeSeconds(), "" + b.freeSms(), plain(b.amount()), plain(b.taxRate()), plain(b.tax()),
                    plain(b.total()), "" + b.unpriced()));
        lines.sort(null);
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
