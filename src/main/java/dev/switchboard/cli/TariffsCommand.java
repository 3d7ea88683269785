package dev.switchboard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.platform.Settings;
import dev.switchboard.rating.TariffException;
import dev.switchboard.rating.TariffFiles;
import dev.switchboard.rating.TariffStore;
import dev.switchboard.rating.Tariffs;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "tariffs", mixinStandardHelpOptions = true, description = "Import or export the tariff plans and rates (see docs/TARIFFS.md).",
        subcommands = {TariffsCommand.Import.class, TariffsCommand.Export.class})
final class TariffsCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Replace the whole tariff set with FILE (JSON), optionally with the bulk of the rates in a CSV file (--rates).",
                    "All or nothing. Writes to the store directly, or posts to the running process that holds the data folder."})
    static final class Import implements Callable<Integer> {
        @Mixin CommonOptions common;

        @Parameters(paramLabel = "FILE", description = "the tariff set as JSON") Path file;

        @Option(names = "--rates", paramLabel = "CSV", description = "more rates, one per row, for plan versions FILE declares") Path rates;

        @Option(names = "--server", paramLabel = "URL", description = "post to a running Switchboard, e.g. http://127.0.0.1:8080") String server;

        @Override
        public Integer call() throws Exception {
            long t0 = System.nanoTime();
            Tariffs tariffs = read(file, rates);
            long parsed = System.nanoTime();
            String result = withStore(common.settings(Map.of()), server, store -> {
                store.replace(tariffs);
                return "stored";
            }, url -> {
                new ServerClient(url).post("/api/tariffs", "application/json", TariffFiles.json(tariffs).getBytes(StandardCharsets.UTF_8));
                return "posted to " + url;
            });
            long versions = tariffs.plans().values().stream().mapToLong(List::size).sum();
            long rateCount = tariffs.plans().values().stream().flatMap(List::stream).mapToLong(v -> v.rates().size()).sum();
            System.out.printf("%s %d plans, %d versions, %d rates, %d assignments (read %d ms, stored %d ms)%n", result, tariffs.plans().size(), versions,
                    rateCount, tariffs.assignments().size(), (parsed - t0) / 1_000_000, (System.nanoTime() - parsed) / 1_000_000);
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write the stored tariff set as JSON (to standard output, or --out), which 'tariffs import' reads back.",
                    "With --rates-out, the rates go to a CSV file and the JSON keeps the rest."})
    static final class Export implements Callable<Integer> {
        @Mixin CommonOptions common;

        @Option(names = "--out", paramLabel = "FILE", description = "write here instead of standard output") Path out;

        @Option(names = "--rates-out", paramLabel = "CSV", description = "write the rates to this CSV file (needs --out)") Path ratesOut;

        @Option(names = "--server", paramLabel = "URL", description = "read from a running Switchboard") String server;

        @Override
        public Integer call() throws Exception {
            if (ratesOut != null && out == null) throw new UserError("--rates-out needs --out");
            Tariffs tariffs = withStore(common.settings(Map.of()), server,
                    store -> store.load().orElseThrow(() -> new UserError("no tariff set is stored; import one with 'switchboard tariffs import FILE'")),
                    url -> parse(new ServerClient(url).get("/api/tariffs")));
            if (out == null) {
                System.out.println(TariffFiles.json(tariffs));
                return 0;
            }
            if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
            try (Writer json = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                if (ratesOut == null) {
                    TariffFiles.write(json, tariffs);
                } else {
                    try (Writer csv = Files.newBufferedWriter(ratesOut, StandardCharsets.UTF_8)) {
                        TariffFiles.writeSplit(json, csv, tariffs);
                    }
                }
            }
            System.out.println("wrote " + out + (ratesOut == null ? "" : " and " + ratesOut));
            return 0;
        }
    }

    static Tariffs read(Path file, Path rates) throws IOException {
        for (Path p : rates == null ? List.of(file) : List.of(file, rates))
            if (!Files.isRegularFile(p)) throw new UserError("no such file: " + p);
        try (Reader json = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                Reader csv = rates == null ? null : Files.newBufferedReader(rates, StandardCharsets.UTF_8)) {
            return TariffFiles.read(json, csv);
        } catch (TariffException e) {
            throw new UserError(e.oneLine());
        }
    }

    private static Tariffs parse(JsonNode answer) {
        try {
            return TariffFiles.read(new StringReader(answer.toString()));
        } catch (IOException | TariffException e) {
            throw new UserError("the server answered a tariff set this version cannot read: " + e.getMessage());
        }
    }

    interface StoreWork<T> {
        T run(TariffStore store) throws Exception;
    }

    /** On the store of this data folder, or through the API of the process that holds it (or of --server), as 'customers import' does. */
    static <T> T withStore(Settings settings, String server, StoreWork<T> direct, Function<String, T> remote) throws Exception {
        return LocalOrRemote.run(settings, server, db -> {
            try {
                return direct.run(new TariffStore(db));
            } catch (TariffException e) {
                throw new UserError(e.oneLine());
            }
        }, remote);
    }
}
