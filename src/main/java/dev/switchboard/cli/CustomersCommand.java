package dev.switchboard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.customer.CustomerDraft;
import dev.switchboard.customer.KeyRotation;
import dev.switchboard.customer.FieldCipher;
import dev.switchboard.customer.CustomerException;
import dev.switchboard.customer.CustomerFormats;
import dev.switchboard.customer.CustomerGenerator;
import dev.switchboard.customer.CustomerKeys;
import dev.switchboard.customer.CustomerStore;
import dev.switchboard.generate.SubscriberBase;
import dev.switchboard.platform.InstanceLock;
import dev.switchboard.platform.Settings;
import dev.switchboard.platform.SettingsSpec;
import dev.switchboard.store.Database;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "customers", mixinStandardHelpOptions = true, description = "Import or generate customers (see docs/CUSTOMERS.md).",
        subcommands = {CustomersCommand.Import.class, CustomersCommand.Generate.class, CustomersCommand.RotateKey.class})
final class CustomersCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Create or update customers (matched by national id) from a CSV file with a header, a JSON array or NDJSON.",
                    "All or nothing. Writes to the store directly, or posts to the running process that holds the data folder."})
    static final class Import implements Callable<Integer> {
        @Mixin CommonOptions common;

        @Parameters(paramLabel = "FILE") Path file;

        @Option(names = "--format", description = "csv or json; default from the file name (.csv is csv, anything else json)")
        String format;

        @Option(names = "--server", paramLabel = "URL", description = "post to a running Switchboard, e.g. http://127.0.0.1:8080")
        String server;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(file)) throw new UserError("no such file: " + file);
            CustomerFormats.Format f = CustomerFormats.format(Optional.ofNullable(format)
                    .orElse(file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? "csv" : "json"));
            List<CustomerDraft> drafts;
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                drafts = parse(in, f);
            }
            System.out.println(store(common.settings(Map.of()), server, drafts, f));
            return 0;
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Generate a realistic customer base whose phone numbers are the CDR generator's subscribers (DATA/subscribers.csv).",
                    "With --out, writes a CSV that 'customers import' reads; without, imports into the store."})
    static final class Generate implements Callable<Integer> {
        @Mixin CommonOptions common;

        @Option(names = "--count", required = true, description = "how many customers") int count;

        @Option(names = "--seed", defaultValue = "1", description = "same seed, same customers; default ${DEFAULT-VALUE}") long seed;

        @Option(names = "--out", paramLabel = "FILE", description = "write CSV here instead of importing") Path out;

        @Option(names = "--server", paramLabel = "URL", description = "post to a running Switchboard") String server;

        @Override
        public Integer call() throws Exception {
            if (count < 1) throw new UserError("--count must be at least 1");
            Settings settings = common.settings(Map.of());
            var subscribers = SubscriberBase.loadOrCreate(settings.dataDir(), settings.region()).subscribers();
            List<CustomerDraft> drafts = new CustomerGenerator(settings.region(), seed, subscribers, LocalDate.now(settings.zone())).generate(count);
            if (out != null) {
                if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
                try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    CustomerFormats.writeCsv(w, drafts);
                }
                System.out.println("wrote " + drafts.size() + " customers to " + out);
                return 0;
            }
            System.out.println(store(settings, server, drafts, CustomerFormats.Format.CSV));
            return 0;
        }
    }

    @Command(name = "rotate-key", mixinStandardHelpOptions = true,
            description = {"Re-encrypt every customer's personal data with a new random key, in one transaction (see docs/OPERATIONS.md).",
                    "Stop every process that uses this store first (processes hold the key in memory). With the key in",
                    "DATA/keys/customer.key, the new key replaces it and the old one is kept as customer.key.retired-TIME, for",
                    "restoring backups made before now; delete it when those are gone. With the key in setting customer-key,",
                    "the new key is printed on standard output: set it before starting again."})
    static final class RotateKey implements Callable<Integer> {
        @Mixin CommonOptions common;

        @Override
        public Integer call() throws Exception {
            Settings settings = common.settings(Map.of());
            Optional<InstanceLock> lock = settings.db().isBlank() ? InstanceLock.tryAcquire(settings.dataDir()) : Optional.empty();
            if (settings.db().isBlank() && lock.isEmpty())
                throw new UserError("the data folder " + settings.dataDir() + " is in use: stop the process that holds it, then rotate the key");
            try (Database db = Database.open(settings.jdbcUrl(), settings.dbUser(), settings.dbPassword())) {
                FieldCipher from = CustomerKeys.cipher(settings);
                boolean fromSetting = !settings.get(SettingsSpec.CUSTOMER_KEY).isEmpty();
                Path current = CustomerKeys.file(settings.dataDir());
                Path next = current.resolveSibling("customer.key.next");
                if (fromSetting) {
                    byte[] key = new byte[FieldCipher.KEY_BYTES];
                    new java.security.SecureRandom().nextBytes(key);
                    String base64 = java.util.Base64.getEncoder().encodeToString(key);
                    int n = KeyRotation.reencrypt(db, from, new FieldCipher(key));
                    System.err.println("re-encrypted " + n + " customers; set customer-key to the new key below before starting again:");
                    System.out.println(base64);
                    return 0;
                }
                Files.deleteIfExists(next); // left by a rotation that stopped before its transaction: never used
                int n = KeyRotation.reencrypt(db, from, FieldCipher.createFile(next));
                Path retired = current.resolveSibling("customer.key.retired-" + java.time.Instant.now().getEpochSecond());
                Files.move(current, retired);
                Files.move(next, current, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                System.out.println("re-encrypted " + n + " customers with a new key in " + current + "; the old key is kept as " + retired);
                return 0;
            } catch (CustomerException e) {
                throw new UserError(message(e));
            } finally {
                lock.ifPresent(InstanceLock::close);
            }
        }
    }

    static List<CustomerDraft> parse(Reader in, CustomerFormats.Format f) throws Exception {
        try {
            return CustomerFormats.read(in, f);
        } catch (CustomerException e) {
            throw new UserError(message(e));
        }
    }

    /** Into the store of this data folder, or through the API of the process that holds it (or of --server). */
    static String store(Settings settings, String server, List<CustomerDraft> drafts, CustomerFormats.Format f) throws Exception {
        Optional<String> url = Optional.ofNullable(server);
        if (url.isEmpty() && settings.db().isBlank()) {
            Optional<InstanceLock> lock = InstanceLock.tryAcquire(settings.dataDir());
            if (lock.isPresent()) {
                try (InstanceLock held = lock.get()) {
                    return direct(settings, drafts);
                }
            }
            url = Optional.of(InstanceLock.runningUrl(settings.dataDir()).orElseThrow(() -> new UserError(
                    "the data folder " + settings.dataDir() + " is in use by a process without a web server; stop it or use --server")));
        }
        if (url.isEmpty()) return direct(settings, drafts);
        StringWriter csv = new StringWriter();
        CustomerFormats.writeCsv(csv, drafts);
        JsonNode r = new ServerClient(url.get()).post("/api/customers/import", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        return "created=" + r.path("created").asInt() + " updated=" + r.path("updated").asInt();
    }

    private static String direct(Settings settings, List<CustomerDraft> drafts) {
        try (Database db = Database.open(settings.jdbcUrl(), settings.dbUser(), settings.dbPassword())) {
            CustomerStore.ImportResult r = new CustomerStore(db, CustomerKeys.cipher(settings), Clock.systemUTC()).upsert(drafts);
            return "created=" + r.created() + " updated=" + r.updated();
        } catch (CustomerException e) {
            throw new UserError(message(e));
        }
    }

    private static String message(CustomerException e) {
        return e.getMessage() + (e.details().isEmpty() ? "" : ": " + String.join("; ", e.details()));
    }
}
