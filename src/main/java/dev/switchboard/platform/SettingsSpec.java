package dev.switchboard.platform;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The declaration of every setting: key, default, reader, doc. */
public final class SettingsSpec {
    public static final Setting<String> DATA = text("data", "./data", "folder for the embedded Kafka log, the DuckDB file and reference data");
    public static final Setting<String> CONFIG = text("config", "", "optional properties file (default DATA/switchboard.properties when present)");
    public static final Setting<String> KAFKA = text("kafka", "", "bootstrap servers of an external Kafka; empty runs an embedded broker");
    public static final Setting<Integer> KAFKA_PORT = integer("kafka-port", "0", 0, 65535, "port of the embedded broker on 127.0.0.1 (0 picks a free one); printed at start and shown at /health");
    public static final Setting<String> DB = text("db", "", "JDBC URL of the history store; empty uses DATA/switchboard.duckdb");
    public static final Setting<String> DB_USER = text("db-user", "", "database user (PostgreSQL)");
    public static final Setting<String> DB_PASSWORD = new Setting<>("db-password", "", s -> s, true, "database password");
    public static final Setting<String> DB_MEMORY = new Setting<>("db-memory", "", SettingsSpec::emptyOrMemorySize, false,
            "most memory DuckDB's buffer manager may hold, e.g. 1GB (spills to disk beyond); empty is DuckDB's default, 80 % of the machine's memory");
    public static final Setting<String> ROLES = text("roles", "all", "subsystems to run: ingest,stream,store,web,generate or all");
    public static final Setting<String> BIND = text("bind", "127.0.0.1", "address the web server listens on");
    public static final Setting<Integer> PORT = integer("port", "8080", 0, 65535, "web server port (0 picks a free one)");
    public static final Setting<ZoneId> ZONE = new Setting<>("zone", ZoneId.systemDefault().getId(), SettingsSpec::zone, false, "zone for 'today', midnight and hours of day, and for local PBX timestamps");
    public static final Setting<String> REGION = text("region", "US", "default region (ISO country) for phone numbers written without +");
    public static final Setting<Integer> PARTITIONS = integer("partitions", "2", 1, 1024, "partitions of topics created at start");
    public static final Setting<Integer> REPLICATION = integer("replication", "0", 0, 16, "replication factor of topics; 0 means 1 embedded, 3 external");
    public static final Setting<Boolean> EXACTLY_ONCE = bool("exactly-once", "true", "Kafka Streams processing guarantee exactly_once_v2 (false: at_least_once)");
    public static final Setting<Duration> COMMIT_INTERVAL = duration("commit-interval", "200ms", "Kafka Streams commit interval");
    public static final Setting<Integer> STREAM_THREADS = integer("stream-threads", "1", 1, 64, "Kafka Streams threads of this process (tasks spread over them)");
    public static final Setting<Integer> STATE_MEMORY_MB = integer("state-memory-mb", "128", 16, 1 << 20,
            "off-heap memory (MB) that all Kafka Streams state stores of this process share: RocksDB block cache, index and filter blocks, memtables");
    public static final Setting<Duration> DEDUP_TTL = duration("dedup-ttl", "24h", "how long a record fingerprint is remembered for de-duplication");
    public static final Setting<Duration> FUTURE_TOLERANCE = duration("future-tolerance", "5m", "how far in the future a start time may be (clock skew)");
    public static final Setting<Duration> MAX_RECORD_AGE = duration("max-record-age", "9125d", Duration.ofSeconds(1), null, "records starting longer ago than this are rejected as absurdly old");
    /** Mediation counts call durations in int seconds. */
    public static final Setting<Duration> MAX_CALL_DURATION = duration("max-call-duration", "24h", Duration.ofSeconds(1),
            Duration.ofSeconds(Integer.MAX_VALUE), "longest accepted call duration");
    public static final Setting<Integer> EXTENSION_DIGITS = integer("extension-digits", "6", 0, 10, "digit strings up to this length are PBX extensions, kept as they are");
    public static final Setting<Double> GENERATOR_RATE = new Setting<>("generator-rate", "200", SettingsSpec::positiveDouble, false, "records per second of the live CDR generator (demo)");
    public static final Setting<Integer> SINK_BATCH = integer("sink-batch", "5000", 1, 1_000_000, "records written to SQL per transaction at most");
    public static final Setting<Duration> SINK_LINGER = duration("sink-linger", "500ms", "longest wait to fill a SQL batch");
    public static final Setting<Integer> MAX_RECORD_BYTES = integer("max-record-bytes", "65536", 256, 1 << 20, "longest accepted single record; longer ones are rejected at the edge");
    public static final Setting<Long> MAX_BODY_BYTES = longInteger("max-body-bytes", "67108864", 1, Long.MAX_VALUE, "largest accepted HTTP request body");
    public static final Setting<Integer> MAX_RECORDS_PER_REQUEST = integer("max-records-per-request", "100000", 1, Integer.MAX_VALUE,
            "most records accepted in one ingest request (413 beyond: split the input)");
    public static final Setting<Duration> QUERY_TIMEOUT = duration("query-timeout", "30s", Duration.ofMillis(1), Duration.ofHours(1),
            "longest run of one query-console query (/api/query, switchboard query); stopped beyond");
    public static final Setting<Duration> SERVICE_LEVEL_THRESHOLD = duration("service-level-threshold", "20s", Duration.ZERO,
            Duration.ofHours(1), "a call answered (or abandoned) within this wait counts as within service level");
    public static final Setting<Duration> SHORT_ABANDON = duration("short-abandon", "5s", Duration.ZERO, Duration.ofHours(1),
            "a call abandoned after a shorter wait is a short abandon (left out by some definitions)");
    public static final Setting<Duration> MAX_QUEUE_WAIT = duration("max-queue-wait", "2h", Duration.ofMinutes(1), Duration.ofDays(1),
            "a call still queued this long with no answer or abandon seen is taken as lost (expired)");
    public static final Setting<Double> CALL_SPEED = new Setting<>("call-speed", "1", SettingsSpec::positiveDouble, false,
            "how many times faster than real time the live call-center simulation runs (demo; --speed sets it)");
    public static final Setting<Integer> MARKETING_LIVE_DAYS = integer("marketing-live-days", "35", 0, 3660,
            "local dates the live marketing templates keep, up to the latest CDR date seen; older dates are dropped; 0 turns the live templates off");
    public static final Setting<Duration> MODEL_RETRAIN_EVERY = duration("model-retrain-every", "0s",
            "retrain the call-subject model from the history this often (e.g. 24h); 0s never (train on demand: switchboard train, POST /api/model/train)");
    public static final Setting<Boolean> MODEL_SIMULATED = bool("model-simulated", "false",
            "the call history is the simulator's: scheduled trainings report the Bayes-optimal accuracy (docs/PREDICTION.md)");
    public static final Setting<String> CUSTOMER_KEY = new Setting<>("customer-key", "", SettingsSpec::emptyOr32Base64Bytes, true,
            "base64 of the 32-byte key that encrypts customers' personal data; empty uses DATA/keys/customer.key, created on first use");
    public static final Setting<String> TOKEN = new Setting<>("token", "", String::strip, true,
            "API token a command sends to a running Switchboard (usually as environment variable SWITCHBOARD_TOKEN)");
    public static final Setting<Integer> REQUESTS_PER_SECOND = integer("requests-per-second", "50", 0, 1_000_000,
            "HTTP requests a second one API token may send on average, in bursts of up to two seconds' worth; over it the answer is 429; 0 no limit");

    public static final List<Setting<?>> ALL = List.of(DATA, CONFIG, KAFKA, KAFKA_PORT, DB, DB_USER, DB_PASSWORD, DB_MEMORY, ROLES, BIND, PORT, ZONE, REGION,
            PARTITIONS, REPLICATION, EXACTLY_ONCE, COMMIT_INTERVAL, STREAM_THREADS, STATE_MEMORY_MB, DEDUP_TTL, FUTURE_TOLERANCE, MAX_RECORD_AGE, MAX_CALL_DURATION,
            EXTENSION_DIGITS, GENERATOR_RATE, SINK_BATCH, SINK_LINGER, MAX_RECORD_BYTES, MAX_BODY_BYTES, MAX_RECORDS_PER_REQUEST, QUERY_TIMEOUT,
            SERVICE_LEVEL_THRESHOLD, SHORT_ABANDON, MAX_QUEUE_WAIT, CALL_SPEED, MARKETING_LIVE_DAYS, MODEL_RETRAIN_EVERY, MODEL_SIMULATED, CUSTOMER_KEY, TOKEN, REQUESTS_PER_SECOND);

    private SettingsSpec() {}

    /**
     * A zone by region id (Europe/Paris, UTC, Etc/GMT+6). A fixed offset written as such (-06:00, UTC+02:00) is
     * taken as the Etc/GMT zone of the same offset when it is whole hours, because the SQL engines' time-zone
     * names do not all read offsets, and the same way; a fraction of an hour must be given as a region.
     */
    static ZoneId zone(String text) {
        ZoneId zone = ZoneId.of(text.strip());
        if (!(zone.normalized() instanceof java.time.ZoneOffset offset) || zone.getId().startsWith("Etc/") || zone.getId().equals("UTC")
                || zone.getId().equals("GMT") || zone.getId().equals("Z")) return zone.getId().equals("Z") ? ZoneId.of("UTC") : zone;
        int seconds = offset.getTotalSeconds();
        if (seconds % 3600 != 0)
            throw new IllegalArgumentException("the offset " + text.strip() + " is not whole hours: give the region, e.g. Asia/Kolkata");
        int hours = seconds / 3600;
        return ZoneId.of(hours == 0 ? "UTC" : "Etc/GMT" + (hours > 0 ? "-" : "+") + Math.abs(hours)); // Etc/GMT signs are inverted
    }

    public static Optional<Setting<?>> byKey(String key) {
        return ALL.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    static Settings build(Map<String, String> v) {
        for (Setting<?> s : ALL) s.read(v.getOrDefault(s.key(), s.defaultText())); // every bad value fails at start
        String kafka = KAFKA.read(v.get("kafka"));
        int replication = REPLICATION.read(v.get("replication"));
        if (replication == 0) replication = kafka.isBlank() ? 1 : 3;
        // Settings without a record component (read through Settings.get) are still checked at start.
        for (Setting<?> s : List.of(CUSTOMER_KEY, TOKEN, REQUESTS_PER_SECOND)) s.read(v.getOrDefault(s.key(), s.defaultText()));
        return new Settings(
                java.nio.file.Path.of(DATA.read(v.get("data"))),
                kafka,
                KAFKA_PORT.read(v.get("kafka-port")),
                DB.read(v.get("db")),
                DB_USER.read(v.get("db-user")),
                DB_PASSWORD.read(v.get("db-password")),
                read(ROLES, v, Role::parse),
                BIND.read(v.get("bind")),
                PORT.read(v.get("port")),
                ZONE.read(v.get("zone")),
                REGION.read(v.get("region")),
                PARTITIONS.read(v.get("partitions")),
                replication,
                EXACTLY_ONCE.read(v.get("exactly-once")),
                COMMIT_INTERVAL.read(v.get("commit-interval")),
                DEDUP_TTL.read(v.get("dedup-ttl")),
                FUTURE_TOLERANCE.read(v.get("future-tolerance")),
                MAX_RECORD_AGE.read(v.get("max-record-age")),
                MAX_CALL_DURATION.read(v.get("max-call-duration")),
                EXTENSION_DIGITS.read(v.get("extension-digits")),
                GENERATOR_RATE.read(v.get("generator-rate")),
                SINK_BATCH.read(v.get("sink-batch")),
                SINK_LINGER.read(v.get("sink-linger")),
                MAX_RECORD_BYTES.read(v.get("max-record-bytes")),
                MAX_BODY_BYTES.read(v.get("max-body-bytes")),
                Map.copyOf(v));
    }

    private static <T> T read(Setting<String> s, Map<String, String> v, Function<String, T> then) {
        String text = s.read(v.get(s.key()));
        try {
            return then.apply(text);
        } catch (RuntimeException e) {
            throw new SettingsException("setting '" + s.key() + "' has a bad value '" + text + "': " + e.getMessage());
        }
    }

    private static final java.util.regex.Pattern MEMORY_SIZE = java.util.regex.Pattern.compile("\\d+(\\.\\d+)?\\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    static String emptyOrMemorySize(String s) {
        String v = s.strip();
        if (!v.isEmpty() && !MEMORY_SIZE.matcher(v).matches())
            throw new IllegalArgumentException("'" + s + "' is not a memory size such as 512MB or 2GB");
        return v;
    }

    private static Setting<String> text(String key, String def, String doc) {
        return new Setting<>(key, def, s -> s, false, doc);
    }

    private static Setting<Integer> integer(String key, String def, int min, int max, String doc) {
        return new Setting<>(key, def, s -> {
            int n = Integer.parseInt(s);
            if (n < min || n > max) throw new IllegalArgumentException("must be between " + min + " and " + max);
            return n;
        }, false, doc);
    }

    private static Setting<Long> longInteger(String key, String def, long min, long max, String doc) {
        return new Setting<>(key, def, s -> {
            long n = Long.parseLong(s);
            if (n < min || n > max) throw new IllegalArgumentException("must be between " + min + " and " + max);
            return n;
        }, false, doc);
    }

    private static Setting<Boolean> bool(String key, String def, String doc) {
        return new Setting<>(key, def, s -> {
            if (!s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false")) throw new IllegalArgumentException("must be true or false");
            return Boolean.parseBoolean(s);
        }, false, doc);
    }

    private static Setting<Duration> duration(String key, String def, String doc) {
        return duration(key, def, Duration.ZERO, null, doc);
    }

    /** A duration of at least {@code min} and, when {@code max} is not null, at most {@code max}. */
    private static Setting<Duration> duration(String key, String def, Duration min, Duration max, String doc) {
        return new Setting<>(key, def, s -> {
            Duration d = parseDuration(s);
            if (d.isNegative()) throw new IllegalArgumentException("must not be negative");
            if (d.compareTo(min) < 0) throw new IllegalArgumentException("must be at least " + min);
            if (max != null && d.compareTo(max) > 0) throw new IllegalArgumentException("must be at most " + max);
            return d;
        }, false, doc);
    }

    /** Reads {@code 500ms}, {@code 30s}, {@code 5m}, {@code 24h}, {@code 7d} or ISO-8601 such as {@code PT24H}. */
    public static Duration parseDuration(String s) {
        var m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h|d)").matcher(s.trim().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) return Duration.parse(s.trim().toUpperCase(java.util.Locale.ROOT));
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** Checked without saying why in terms of the value: the key must never appear in a message. */
    private static String emptyOr32Base64Bytes(String s) {
        if (s.isEmpty()) return s;
        byte[] key;
        try {
            key = java.util.Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64");
        }
        if (key.length != 32) throw new IllegalArgumentException("must be 32 bytes in base64, not " + key.length);
        return s;
    }

    private static double positiveDouble(String s) {
        double d = Double.parseDouble(s);
        if (!(d > 0) || Double.isInfinite(d)) throw new IllegalArgumentException("must be a positive number");
        return d;
    }
}
