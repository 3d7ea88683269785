package dev.switchboard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.billing.BillListing;
import dev.switchboard.billing.BillingFormats;
import dev.switchboard.billing.BillingRun;
import dev.switchboard.customer.CustomerNames;
import dev.switchboard.platform.InstanceLock;
import dev.switchboard.platform.Json;
import dev.switchboard.platform.Settings;
import dev.switchboard.rating.TariffStore;
import dev.switchboard.revenue.Period;
import dev.switchboard.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bill", mixinStandardHelpOptions = true,
        description = {"Close a billing period: one bill per subscriber and currency into table bill (see docs/BILLING.md).",
                "Re-running a period replaces its bills. Works on the store directly, or through the running process that holds the data folder."})
final class BillCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(names = "--period", required = true, paramLabel = "YYYY-MM", description = "the month to close, in the tariffs' zone") String period;

    @Option(names = "--out", paramLabel = "FILE", description = "also write the period's bills to FILE") Path out;

    @Option(names = "--format", paramLabel = "csv|json", description = "format of --out; default from its extension, else json") String format;

    @Option(names = "--server", paramLabel = "URL", description = "use a running Switchboard, e.g. http://127.0.0.1:8080") String server;

    @Override
    public Integer call() throws Exception {
        String fmt = format(format, out);
        Settings settings = common.settings(Map.of());
        Optional<String> url = Optional.ofNullable(server);
        if (url.isEmpty() && settings.db().isBlank()) {
            Optional<InstanceLock> lock = InstanceLock.tryAcquire(settings.dataDir());
            if (lock.isPresent()) {
                try (InstanceLock held = lock.get()) {
                    return direct(settings, fmt);
                }
            }
            url = Optional.of(InstanceLock.runningUrl(settings.dataDir()).orElseThrow(() -> new UserError(
                    "the data folder " + settings.dataDir() + " is in use by a process without a web server; stop it or use --server")));
        }
        if (url.isEmpty()) return direct(settings, fmt);
        ServerClient client = new ServerClient(url.get());
        JsonNode summary = client.post("/api/billing/run?period=" + ServerClient.q(period), "application/json", new byte[0]);
        print(summary);
        if (out != null) write(client.getText("/api/billing/bills?period=" + ServerClient.q(period) + "&format=" + fmt));
        return summary.path("reconciled").asBoolean() ? 0 : 1;
    }

    private int direct(Settings settings, String fmt) throws Exception {
        try (Database db = Database.open(settings.jdbcUrl(), settings.dbUser(), settings.dbPassword())) {
            TariffStore tariffs = new TariffStore(db);
            BillingRun billing = new BillingRun(db, tariffs::load, Clock.systemUTC());
            Period p;
            try {
                p = billing.period(period);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            BillingRun.Summary summary = billing.run(p);
            print(Json.MAPPER.valueToTree(BillingFormats.json(summary)));
            if (out != null) {
                var bills = billing.bills(p);
                write(fmt.equals("csv") ? BillingFormats.csv(bills) : Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(
                        BillingFormats.json(BillListing.of(p.month().toString(), bills, new CustomerNames(db)::of, null, null, null, 0))));
            }
            return summary.reconciled() ? 0 : 1;
        }
    }

    static String format(String format, Path out) {
        if (format != null) {
            String f = format.toLowerCase(Locale.ROOT);
            if (!f.equals("csv") && !f.equals("json")) throw new UserError("--format must be csv or json, got '" + format + "'");
            return f;
        }
        return out != null && out.toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? "csv" : "json";
    }

    private void write(String text) throws Exception {
        if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
    }

    private static void print(JsonNode s) {
        System.out.printf("period %s (%s): %d subscribers, %d bills, %d CDRs not priced%n", s.path("period").asText(), s.path("zone").asText(),
                s.path("subscribers").asLong(), s.path("bills").asLong(), s.path("unpriced").asLong());
        for (JsonNode t : s.path("totals"))
            System.out.printf("  %s amount %s tax %s total %s%n", t.path("currency").asText(), t.path("amount").asText(), t.path("tax").asText(),
                    t.path("total").asText());
        for (JsonNode r : s.path("reconciliation"))
            if (!r.path("equal").asBoolean())
                System.out.printf("  NOT RECONCILED %s: bills %s, rated CDRs %s%n", r.path("currency").asText(), r.path("bills").asText(), r.path("cdrs").asText());
        System.out.println(s.path("reconciled").asBoolean() ? "reconciled: the bills add up to the rated CDRs" : "reconciliation failed");
    }
}
