package dev.switchboard.cli;

import dev.switchboard.platform.InstanceLock;
import dev.switchboard.platform.Settings;
import dev.switchboard.rating.Rerating;
import dev.switchboard.rating.TariffStore;
import dev.switchboard.rating.Tariffs;
import dev.switchboard.store.Database;
import dev.switchboard.store.StoreException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "rerate", mixinStandardHelpOptions = true,
        description = {"Re-price the stored CDRs of the whole billing months covering --from..--to (free units are per month),",
                "with the stored tariffs or a candidate set (--plan). Idempotent: only rows whose price changes are written.",
                "--dry-run writes nothing and reports the revenue difference by subscriber and by destination country.",
                "Needs the data folder to itself (stop the running Switchboard first); on PostgreSQL a dry run does not."})
final class RerateCommand implements Callable<Integer> {
    static final int TOP = 20;

    @Mixin CommonOptions common;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "first day (YYYY-MM-DD, in the tariffs' zone)") LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "last day, included") LocalDate to;

    @Option(names = "--plan", paramLabel = "FILE", description = "a candidate tariff set (JSON, as 'tariffs import' reads) instead of the stored one") Path plan;

    @Option(names = "--rates", paramLabel = "CSV", description = "more rates for --plan, as 'tariffs import --rates'") Path rates;

    @Option(names = "--dry-run", description = "price and report, change nothing") boolean dryRun;

    @Override
    public Integer call() throws Exception {
        if (rates != null && plan == null) throw new UserError("--rates needs --plan");
        if (to.isBefore(from)) throw new UserError("--to " + to + " is before --from " + from);
        Tariffs candidate = plan == null ? null : TariffsCommand.read(plan, rates);
        Settings settings = common.settings(Map.of());
        Optional<InstanceLock> lock = InstanceLock.tryAcquire(settings.dataDir());
        if (lock.isEmpty() && !(dryRun && !settings.db().isBlank()))
            throw new UserError("the data folder " + settings.dataDir() + " is in use by a running Switchboard"
                    + InstanceLock.runningUrl(settings.dataDir()).map(u -> " (" + u + ")").orElse("")
                    + "; re-rating needs it to itself: stop that process and run rerate again");
        try (InstanceLock held = lock.orElse(null);
                Database db = dryRun ? Database.openReadOnly(settings.jdbcUrl(), settings.dbUser(), settings.dbPassword())
                        : Database.open(settings.jdbcUrl(), settings.dbUser(), settings.dbPassword())) {
            Tariffs tariffs = candidate != null ? candidate : new TariffStore(db).load()
                    .orElseThrow(() -> new UserError("no tariff set is stored; import one with 'switchboard tariffs import FILE' or pass --plan"));
            long t0 = System.nanoTime();
            Rerating.Result r = new Rerating(db, tariffs).run(from, to, dryRun);
            print(System.out, r, (System.nanoTime() - t0) / 1_000_000);
            return 0;
        } catch (StoreException e) {
            throw new UserError(e.getMessage());
        }
    }

    static void print(PrintStream out, Rerating.Result r, long ms) {
        out.printf("%s %d CDRs from %s to %s (whole billing months): %d changed%s, %d unpriced, %d ms%n",
                r.dryRun() ? "dry run: priced" : "re-rated", r.rerated(), r.from(), r.to(), r.changed(),
                r.dryRun() ? " (nothing written)" : " and written", r.unpriced(), ms);
        out.println();
        out.println("Revenue by currency:");
        out.printf("  %-8s %18s %18s %18s%n", "currency", "before", "after", "difference");
        for (String cur : new TreeSet<>(union(r.before().keySet(), r.after().keySet()))) {
            BigDecimal b = r.before().getOrDefault(cur, BigDecimal.ZERO), a = r.after().getOrDefault(cur, BigDecimal.ZERO);
            out.printf("  %-8s %18s %18s %18s%n", cur, plain(b), plain(a), plain(a.subtract(b)));
        }
        table(out, "By subscriber (top " + TOP + " by absolute difference):", r.bySubscriber().stream()
                .filter(d -> d.change().signum() != 0).limit(TOP).toList());
        table(out, "By destination country:", r.byDestination());
    }

    private static void table(PrintStream out, String title, List<Rerating.Difference> rows) {
        out.println();
        out.println(title);
        if (rows.isEmpty()) {
            out.println("  (no difference)");
            return;
        }
        out.printf("  %-18s %-8s %18s %18s %18s%n", "", "currency", "before", "after", "difference");
        for (Rerating.Difference d : rows)
            out.printf("  %-18s %-8s %18s %18s %18s%n", d.key(), d.currency(), plain(d.before()), plain(d.after()), plain(d.change()));
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> s = new java.util.HashSet<>(a);
        s.addAll(b);
        return s;
    }

    static String plain(BigDecimal v) {
        String s = v.stripTrailingZeros().toPlainString();
        if (v.signum() == 0) return "0";
        return s;
    }
}
