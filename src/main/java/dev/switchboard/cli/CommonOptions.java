package dev.switchboard.cli;

import dev.switchboard.platform.Settings;
import dev.switchboard.platform.SettingsSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Options every command takes. Each is a setting (see {@code SettingsSpec}); flags win over
 * environment variables ({@code SWITCHBOARD_*}), which win over the config file, then defaults.
 */
public class CommonOptions {
    @Option(names = "--data", paramLabel = "DIR", description = "data folder (Kafka log, DuckDB file, reference data); default ./data")
    String data;

    @Option(names = "--config", paramLabel = "FILE", description = "properties file of settings; default DATA/switchboard.properties if present")
    String config;

    @Option(names = "--kafka", paramLabel = "HOST:PORT", description = "external Kafka bootstrap servers; none runs an embedded broker")
    String kafka;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "history store, e.g. jdbc:postgresql://127.0.0.1:5432/switchboard; default DuckDB in DATA")
    String db;

    @Option(names = "--zone", paramLabel = "ZONE", description = "time zone for days, hours and local PBX times; default the system zone")
    String zone;

    @Option(names = "--region", paramLabel = "CC", description = "default country of phone numbers written without +; default US")
    String region;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "any other setting, e.g. --set dedup-ttl=12h (see docs/SETTINGS.md)")
    Map<String, String> set = new LinkedHashMap<>();

    Settings settings(Map<String, String> commandFlags) {
        Map<String, String> flags = new LinkedHashMap<>(set);
        put(flags, "data", data);
        put(flags, "config", config);
        put(flags, "kafka", kafka);
        put(flags, "db", db);
        put(flags, "zone", zone);
        put(flags, "region", region);
        commandFlags.forEach((k, v) -> put(flags, k, v));
        Settings settings = Settings.resolve(flags, System.getenv());
        ServerClient.useToken(settings.get(SettingsSpec.TOKEN));
        return settings;
    }

    static void put(Map<String, String> flags, String key, String value) {
        if (value != null) flags.put(key, value);
    }
}
