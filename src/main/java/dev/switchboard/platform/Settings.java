package dev.switchboard.platform;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Every setting of a Switchboard process, typed. Resolved once at start from, in order of precedence:
 * command-line flags, environment variables ({@code SWITCHBOARD_*}), a config file (properties, the
 * {@code --config} flag or {@code DATA/switchboard.properties}), then the defaults in {@link SettingsSpec}.
 */
public record Settings(
        Path dataDir,
        String kafka,
        int kafkaPort,
        String db,
        String dbUser,
        String dbPassword,
        Set<Role> roles,
        String bind,
        int port,
        ZoneId zone,
        String region,
        int partitions,
        int replication,
        boolean exactlyOnce,
        Duration commitInterval,
        Duration dedupTtl,
        Duration futureTolerance,
        Duration maxRecordAge,
        Duration maxCallDuration,
        int extensionDigits,
        double generatorRate,
        int sinkBatch,
        Duration sinkLinger,
        int maxRecordBytes,
        long maxBodyBytes,
        Map<String, String> resolved) {

    /** True when no external Kafka is named: this process runs its own broker. */
    public boolean embeddedKafka() {
        return kafka.isBlank();
    }

    /** The JDBC URL of the history store: the one given, or the DuckDB file in the data folder. */
    public String jdbcUrl() {
        return db.isBlank() ? "jdbc:duckdb:" + dataDir.resolve("switchboard.duckdb").toAbsolutePath() : db;
    }

    /**
     * Names this process in consumer groups (static membership): stable across restarts, so a restarted
     * process takes its partitions back at once instead of after the old member's session timeout, and
     * distinct per host and data folder, so the processes of a scaled-out deployment do not collide.
     */
    public String instanceId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        return host + "-" + Integer.toHexString(dataDir.toAbsolutePath().normalize().toString().hashCode());
    }

    public Path kafkaLogDir() {
        return dataDir.resolve("kafka");
    }

    public Path streamsStateDir() {
        return dataDir.resolve("streams");
    }

    public static Settings defaults() {
        return resolve(Map.of(), Map.of());
    }

    public static Settings resolve(Map<String, String> flags, Map<String, String> env) {
        Map<String, String> layered = new LinkedHashMap<>();
        for (Setting<?> s : SettingsSpec.ALL) layered.put(s.key(), s.defaultText());
        String dataGiven = firstOf(flags.get("data"), env.get(SettingsSpec.DATA.envName()), null);
        String configText = firstOf(flags.get("config"), env.get(SettingsSpec.CONFIG.envName()), null);
        Path config = configText != null
                ? Path.of(configText)
                : Path.of(dataGiven != null ? dataGiven : SettingsSpec.DATA.defaultText()).resolve("switchboard.properties");
        if (configText != null && !Files.isRegularFile(config))
            throw new SettingsException("config file " + config + " does not exist");
        Map<String, String> file = readFile(config);
        // The data folder's own file is found through the data setting, so it cannot move it.
        if (configText == null && file.containsKey("data"))
            throw new SettingsException("'data' cannot be set in " + config + ", which is found through it; use --data or --config");
        file.forEach(layered::put);
        String dataText = firstOf(dataGiven, file.get("data"), SettingsSpec.DATA.defaultText());
        for (Setting<?> s : SettingsSpec.ALL) {
            String fromEnv = env.get(s.envName());
            if (fromEnv != null) layered.put(s.key(), fromEnv);
        }
        for (var flag : flags.entrySet()) {
            if (SettingsSpec.byKey(flag.getKey()).isEmpty())
                throw new SettingsException("unknown setting '" + flag.getKey() + "'");
            layered.put(flag.getKey(), flag.getValue());
        }
        layered.put("data", dataText);
        return SettingsSpec.build(layered);
    }

    /** A setting read from the resolved values, for settings a feature owns and the record has no component for. */
    public <T> T get(Setting<T> setting) {
        return setting.read(resolved.getOrDefault(setting.key(), setting.defaultText()));
    }

    /** The resolved settings as lines {@code key = value}, secrets masked: safe to print and log. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        for (Setting<?> s : SettingsSpec.ALL) {
            String value = resolved.getOrDefault(s.key(), "");
            if (s.secret() && !value.isEmpty()) value = "****";
            if (s == SettingsSpec.DB) value = value.replaceAll("(?i)(password=)[^&;]*", "$1****").replaceAll("//([^:/@]+):[^@/]*@", "//$1:****@");
            out.append(String.format("  %-18s = %s%n", s.key(), value));
        }
        return out.toString();
    }

    /** As {@link #describe()}: the record's own toString would print the password to any log or error message. */
    @Override
    public String toString() {
        return "Settings[\n" + describe() + "]";
    }

    /** A copy with some settings replaced, e.g. a command that forces its own roles. */
    public Settings with(Map<String, String> overrides) {
        Map<String, String> layered = new LinkedHashMap<>(resolved);
        layered.putAll(overrides);
        return SettingsSpec.build(layered);
    }

    private static Map<String, String> readFile(Path file) {
        if (!Files.isRegularFile(file)) return Map.of();
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            props.load(in);
        } catch (IOException e) {
            throw new SettingsException("cannot read config file " + file + ": " + e.getMessage());
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : props.stringPropertyNames()) {
            if (SettingsSpec.byKey(key).isEmpty())
                throw new SettingsException("unknown setting '" + key + "' in " + file);
            out.put(key, props.getProperty(key));
        }
        return out;
    }

    private static String firstOf(String a, String b, String c) {
        return Optional.ofNullable(a).or(() -> Optional.ofNullable(b)).orElse(c);
    }
}
