package dev.switchboard.cli;

import dev.switchboard.marketing.DirectoryCsv;
import dev.switchboard.marketing.DirectoryEntry;
import dev.switchboard.marketing.DirectoryException;
import dev.switchboard.marketing.DirectoryRoutes;
import dev.switchboard.marketing.DirectoryStore;
import dev.switchboard.platform.Settings;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "directory", mixinStandardHelpOptions = true,
        description = "Import or export the business directory: numbers and prefixes mapped to a business type (see docs/MARKETING.md).",
        subcommands = {DirectoryCommand.Import.class, DirectoryCommand.Export.class})
final class DirectoryCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Load FILE, a CSV with the header prefix,business_type,name (name optional), into the business directory.",
                    "prefix is '+' and 1 to 15 digits (a whole E.164 number or the start of one); business_type an enum name or its label.",
                    "All or nothing: a bad row refuses the file, with its line number. Writes to the store directly, or posts to the",
                    "running process that holds the data folder."})
    static final class Import implements Callable<Integer> {
        @Mixin CommonOptions common;

        @Parameters(paramLabel = "FILE", description = "the directory as CSV") Path file;

        @Option(names = "--mode", defaultValue = "merge", paramLabel = "MODE",
                description = "merge: add the file's entries, replacing stored ones of the same prefix and keeping the rest; "
                        + "replace: the file becomes the whole directory; default ${DEFAULT-VALUE}") String mode;

        @Option(names = "--server", paramLabel = "URL", description = "post to a running Switchboard, e.g. http://127.0.0.1:8080") String server;

        @Override
        public Integer call() throws Exception {
            DirectoryStore.Mode m = switch (mode.toLowerCase(Locale.ROOT)) {
                case "merge" -> DirectoryStore.Mode.MERGE;
                case "replace" -> DirectoryStore.Mode.REPLACE;
                default -> throw new UserError("--mode must be merge or replace, not '" + mode + "'");
            };
            if (!Files.isRegularFile(file)) throw new UserError("no such file: " + file);
            long t0 = System.nanoTime();
            byte[] body = Files.readAllBytes(file);
            List<DirectoryEntry> entries;
            try (Reader in = new StringReader(new String(body, StandardCharsets.UTF_8))) {
                entries = DirectoryCsv.read(in);
            } catch (DirectoryException e) {
                throw new UserError(e.oneLine());
            }
            String result = withStore(common.settings(Map.of()), server, store -> "stored; the directory has " + store.importEntries(entries, m),
                    url -> {
                        var answer = new ServerClient(url).post(DirectoryRoutes.PATH + "?mode=" + m.name().toLowerCase(Locale.ROOT), "text/csv",
                                body);
                        return "posted to " + url + "; the directory has " + answer.path("size").asLong();
                    });
            System.out.printf("%s entries after a %s of %d (%d ms)%n", result, m.name().toLowerCase(Locale.ROOT), entries.size(),
                    (System.nanoTime() - t0) / 1_000_000);
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the business directory as CSV (to standard output, or --out), which 'directory import' reads back.")
    static final class Export implements Callable<Integer> {
        @Mixin CommonOptions common;

        @Option(names = "--out", paramLabel = "FILE", description = "write here instead of standard output") Path out;

        @Option(names = "--server", paramLabel = "URL", description = "read from a running Switchboard") String server;

        @Override
        public Integer call() throws Exception {
            String csv = withStore(common.settings(Map.of()), server, store -> {
                StringWriter text = new StringWriter();
                DirectoryCsv.write(text, store.load().entries());
                return text.toString();
            }, url -> new ServerClient(url).getText(DirectoryRoutes.PATH + "?format=csv"));
            if (out == null) {
                Writer w = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
                w.write(csv);
                w.flush();
                return 0;
            }
            if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, csv, StandardCharsets.UTF_8);
            System.out.println("wrote " + out + " (" + (csv.lines().count() - 1) + " entries)");
            return 0;
        }
    }

    interface StoreWork<T> {
        T run(DirectoryStore store) throws IOException;
    }

    private static <T> T withStore(Settings settings, String server, StoreWork<T> direct, Function<String, T> remote) throws Exception {
        return LocalOrRemote.run(settings, server, db -> {
            try {
                return direct.run(new DirectoryStore(db));
            } catch (DirectoryException e) {
                throw new UserError(e.oneLine());
            }
        }, remote);
    }
}
