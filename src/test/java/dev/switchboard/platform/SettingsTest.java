package dev.switchboard.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Settings#resolve}: flags over environment over config file over defaults, every value checked at
 * start. Every case names its own data folder, so no file of the working directory can leak in.
 */
class SettingsTest {
    private static final Map<String, String> NO_ENV = Map.of();

    @TempDir
    Path data;

    private Map<String, String> flags(String... keyValues) {
        Map<String, String> flags = new HashMap<>();
        flags.put("data", data.toString());
        for (int i = 0; i < keyValues.length; i += 2) flags.put(keyValues[i], keyValues[i + 1]);
        return flags;
    }

    private static Map<String, String> env(String... keyValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) env.put(keyValues[i], keyValues[i + 1]);
        return env;
    }

    private Path configFile(Path file, String... lines) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, String.join("\n", lines) + "\n");
    }

    private Path dataConfig(String... lines) throws IOException {
        return configFile(data.resolve("switchboard.properties"), lines);
    }

    // ---- defaults ----

    @Test
    void withNothingSetTheDefaultsApply() {
        Settings s = Settings.resolve(flags(), NO_ENV);
        assertThat(s.dataDir()).isEqualTo(data);
        assertThat(s.embeddedKafka()).isTrue();
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:duckdb:" + data.resolve("switchboard.duckdb").toAbsolutePath());
        assertThat(s.roles()).isEqualTo(EnumSet.allOf(Role.class));
        assertThat(s.bind()).isEqualTo("127.0.0.1");
        assertThat(s.port()).isEqualTo(8080);
        assertThat(s.region()).isEqualTo("US");
        assertThat(s.partitions()).isEqualTo(2);
        assertThat(s.replication()).isEqualTo(1);
        assertThat(s.exactlyOnce()).isTrue();
        assertThat(s.commitInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(s.dedupTtl()).isEqualTo(Duration.ofHours(24));
        assertThat(s.futureTolerance()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.maxRecordAge()).isEqualTo(Duration.ofDays(9125));
        assertThat(s.maxCallDuration()).isEqualTo(Duration.ofHours(24));
        assertThat(s.extensionDigits()).isEqualTo(6);
        assertThat(s.generatorRate()).isEqualTo(200.0);
        assertThat(s.sinkBatch()).isEqualTo(5000);
        assertThat(s.sinkLinger()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.maxRecordBytes()).isEqualTo(65_536);
        assertThat(s.maxBodyBytes()).isEqualTo(64L * 1024 * 1024);
    }

    @Test
    void everySettingHasADefaultThatPassesItsOwnCheck() {
        for (Setting<?> setting : SettingsSpec.ALL) {
            assertThat(setting.read(setting.defaultText())).as(setting.key()).isNotNull();
            assertThat(setting.doc()).as(setting.key()).isNotBlank();
        }
    }

    // ---- precedence ----

    @Test
    void flagBeatsEnvironmentBeatsConfigFileBeatsDefault() throws IOException {
        dataConfig("port=1111", "region=GB");
        Map<String, String> env = env("SWITCHBOARD_PORT", "2222", "SWITCHBOARD_REGION", "DE");

        assertThat(Settings.resolve(flags("port", "3333"), env).port()).isEqualTo(3333);
        assertThat(Settings.resolve(flags(), env).port()).isEqualTo(2222);
        assertThat(Settings.resolve(flags(), NO_ENV).port()).isEqualTo(1111);
        assertThat(Settings.resolve(flags("region", "FR"), env).region()).isEqualTo("FR");
        assertThat(Settings.resolve(flags(), env).region()).isEqualTo("DE");
        assertThat(Settings.resolve(flags(), NO_ENV).region()).isEqualTo("GB");
        assertThat(Settings.resolve(flags(), NO_ENV).bind()).isEqualTo("127.0.0.1");
    }

    @Test
    void environmentNamesAreUpperCaseWithUnderscores() {
        Settings s = Settings.resolve(flags(), env("SWITCHBOARD_DEDUP_TTL", "12h", "SWITCHBOARD_MAX_RECORD_BYTES", "1024",
                "SWITCHBOARD_EXACTLY_ONCE", "false"));
        assertThat(s.dedupTtl()).isEqualTo(Duration.ofHours(12));
        assertThat(s.maxRecordBytes()).isEqualTo(1024);
        assertThat(s.exactlyOnce()).isFalse();
        assertThat(SettingsSpec.DB_PASSWORD.envName()).isEqualTo("SWITCHBOARD_DB_PASSWORD");
    }

    @Test
    void dataFolderComesFromTheEnvironmentWhenNoFlagNamesIt() throws IOException {
        Path other = data.resolve("other");
        configFile(other.resolve("switchboard.properties"), "port=4444");
        Settings s = Settings.resolve(Map.of(), env("SWITCHBOARD_DATA", other.toString()));
        assertThat(s.dataDir()).isEqualTo(other);
        assertThat(s.port()).isEqualTo(4444);
    }

    @Test
    void configFlagNamesAFileOutsideTheDataFolder() throws IOException {
        dataConfig("port=1111");
        Path file = configFile(data.resolve("etc/sb.properties"), "# comment", "port = 5555", "dedup-ttl=PT2H");
        Settings s = Settings.resolve(flags("config", file.toString()), NO_ENV);
        assertThat(s.port()).isEqualTo(5555);
        assertThat(s.dedupTtl()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void configFlagBeatsConfigFromTheEnvironment() throws IOException {
        Path fromFlag = configFile(data.resolve("flag.properties"), "port=5555");
        Path fromEnv = configFile(data.resolve("env.properties"), "port=6666");
        assertThat(Settings.resolve(flags("config", fromFlag.toString()), env("SWITCHBOARD_CONFIG", fromEnv.toString())).port())
                .isEqualTo(5555);
        assertThat(Settings.resolve(flags(), env("SWITCHBOARD_CONFIG", fromEnv.toString())).port()).isEqualTo(6666);
    }

    @Test
    void dataFolderMayBeSetInANamedConfigFileBelowFlagAndEnvironment() throws IOException {
        Path elsewhere = data.resolve("elsewhere");
        Path file = configFile(data.resolve("etc/sb.properties"), "data=" + elsewhere);
        Map<String, String> flags = Map.of("config", file.toString());
        assertThat(Settings.resolve(flags, NO_ENV).dataDir()).isEqualTo(elsewhere);
        assertThat(Settings.resolve(flags, env("SWITCHBOARD_DATA", data.toString())).dataDir()).isEqualTo(data);
    }

    @Test
    void dataFolderCannotBeSetInsideItsOwnConfigFile() throws IOException {
        dataConfig("data=/somewhere/else");
        assertThatThrownBy(() -> Settings.resolve(flags(), NO_ENV))
                .isInstanceOf(SettingsException.class).hasMessageContaining("'data'");
    }

    @Test
    void namedConfigFileThatDoesNotExistFails() {
        Path missing = data.resolve("missing.properties");
        assertThatThrownBy(() -> Settings.resolve(flags("config", missing.toString()), NO_ENV))
                .isInstanceOf(SettingsException.class).hasMessageContaining(missing.toString());
    }

    @Test
    void absentConfigFileInTheDataFolderIsFine() {
        assertThat(Settings.resolve(flags(), NO_ENV).port()).isEqualTo(8080);
    }

    // ---- unknown keys ----

    @Test
    void unknownFlagFailsNamingIt() {
        assertThatThrownBy(() -> Settings.resolve(flags("prot", "80"), NO_ENV))
                .isInstanceOf(SettingsException.class).hasMessageContaining("'prot'");
    }

    @Test
    void unknownKeyInTheConfigFileFailsNamingItAndTheFile() throws IOException {
        Path file = dataConfig("port=80", "dedup_ttl=1h");
        assertThatThrownBy(() -> Settings.resolve(flags(), NO_ENV))
                .isInstanceOf(SettingsException.class).hasMessageContaining("'dedup_ttl'").hasMessageContaining(file.toString());
    }

    @Test
    void otherEnvironmentVariablesAreNotSettings() {
        Settings s = Settings.resolve(flags(), env("PATH", "/usr/bin", "SWITCHBOARD_HOME", "/opt/sb"));
        assertThat(s.port()).isEqualTo(8080);
    }

    // ---- bad values ----

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "port|http", "port|70000", "port|-1", "partitions|0", "replication|17", "exactly-once|yes",
        "commit-interval|soon", "dedup-ttl|-5m", "dedup-ttl|PT-1H", "dedup-ttl|1.5h", "dedup-ttl|99999999999999999999d",
        "zone|Mars/Olympus", "generator-rate|0", "generator-rate|NaN", "generator-rate|Infinity", "sink-batch|0",
        "max-record-bytes|100", "extension-digits|11", "roles|admin", "max-body-bytes|-1", "max-body-bytes|0",
        "max-call-duration|0s", "max-call-duration|100000d", "max-record-age|0s"})
    void badValueFailsNamingTheKey(String key, String value) {
        assertThatThrownBy(() -> Settings.resolve(flags(key, value), NO_ENV))
                .isInstanceOf(SettingsException.class).hasMessageContaining("'" + key + "'").hasMessageContaining(value);
    }

    @Test
    void badValueFromTheEnvironmentOrTheFileFailsToo() throws IOException {
        assertThatThrownBy(() -> Settings.resolve(flags(), env("SWITCHBOARD_PARTITIONS", "many")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("'partitions'");
        dataConfig("sink-linger=forever");
        assertThatThrownBy(() -> Settings.resolve(flags(), NO_ENV))
                .isInstanceOf(SettingsException.class).hasMessageContaining("'sink-linger'");
    }

    @Test
    void badValueOverriddenByAGoodFlagDoesNotMatter() throws IOException {
        dataConfig("port=eighty");
        assertThat(Settings.resolve(flags("port", "80"), NO_ENV).port()).isEqualTo(80);
    }

    @Test
    void valuesAreTrimmed() {
        Settings s = Settings.resolve(flags("port", " 9090 ", "zone", " Europe/Paris ", "dedup-ttl", " 30s "), NO_ENV);
        assertThat(s.port()).isEqualTo(9090);
        assertThat(s.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(s.dedupTtl()).isEqualTo(Duration.ofSeconds(30));
    }

    /** Fixed offsets become the Etc/GMT zone of the same offset (the SQL engines read those names alike); not whole hours is refused. */
    @Test
    void zoneOffsetsBecomeEtcZonesAndFractionsOfAnHourAreRefused() {
        assertThat(Settings.resolve(flags("zone", "-06:00"), NO_ENV).zone()).isEqualTo(ZoneId.of("Etc/GMT+6"));
        assertThat(Settings.resolve(flags("zone", "UTC+02:00"), NO_ENV).zone()).isEqualTo(ZoneId.of("Etc/GMT-2"));
        assertThat(Settings.resolve(flags("zone", "+00:00"), NO_ENV).zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(Settings.resolve(flags("zone", "Z"), NO_ENV).zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(Settings.resolve(flags("zone", "Etc/GMT+6"), NO_ENV).zone()).isEqualTo(ZoneId.of("Etc/GMT+6"));
        for (String z : new String[] {"-06:00", "Etc/GMT+6", "UTC", "Europe/Paris"})
            assertThat(Settings.resolve(flags("zone", z), NO_ENV).zone().getRules().getOffset(java.time.Instant.EPOCH))
                    .isEqualTo(ZoneId.of(z).getRules().getOffset(java.time.Instant.EPOCH));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Settings.resolve(flags("zone", "+05:30"), NO_ENV))
                .hasMessageContaining("not whole hours");
    }

    // ---- durations ----

    @ParameterizedTest(name = "{0}")
    @CsvSource({"500ms,PT0.5S", "30s,PT30S", "5m,PT5M", "24h,PT24H", "7d,PT168H", "PT24H,PT24H", "pt90m,PT1H30M",
        "P2D,PT48H", "0s,PT0S", "2H,PT2H"})
    void durationsAreReadInShortOrIsoForm(String text, Duration expected) {
        assertThat(SettingsSpec.parseDuration(text)).isEqualTo(expected);
        assertThat(Settings.resolve(flags("dedup-ttl", text), NO_ENV).dedupTtl()).isEqualTo(expected);
    }

    // ---- describe ----

    @Test
    void describeListsEverySettingWithThePasswordMasked() {
        Settings s = Settings.resolve(flags("db-password", "s3cr3t!", "db-user", "switchboard", "port", "9090"), NO_ENV);
        String text = s.describe();
        assertThat(text).doesNotContain("s3cr3t!").containsPattern("db-password\\s+= \\*\\*\\*\\*")
                .containsPattern("db-user\\s+= switchboard").containsPattern("port\\s+= 9090");
        for (Setting<?> setting : SettingsSpec.ALL) assertThat(text).contains(setting.key());
    }

    @Test
    void describeMasksAPasswordWrittenInsideTheDatabaseUrl() {
        String text = Settings.resolve(flags("db", "jdbc:postgresql://db.example:5432/sb?user=sb&password=hunter2&ssl=true"), NO_ENV).describe();
        assertThat(text).doesNotContain("hunter2").contains("password=****&ssl=true");
        String userInfo = Settings.resolve(flags("db", "jdbc:postgresql://sb:hunter2@db.example/sb"), NO_ENV).describe();
        assertThat(userInfo).doesNotContain("hunter2").contains("//sb:****@db.example");
    }

    @Test
    void describeShowsAnEmptyPasswordAsEmpty() {
        assertThat(Settings.resolve(flags(), NO_ENV).describe()).containsPattern("db-password\\s+= \\n")
                .doesNotContain("****");
    }

    @Test
    void toStringDoesNotRevealThePassword() {
        Settings s = Settings.resolve(flags("db-password", "s3cr3t!"), NO_ENV);
        assertThat(s.dbPassword()).isEqualTo("s3cr3t!");
        assertThat(s.toString()).doesNotContain("s3cr3t!");
    }

    // ---- replication ----

    @ParameterizedTest(name = "kafka=''{0}'' replication={1} -> {2}")
    @CsvSource({"'',0,1", "broker-1:9092,0,3", "'',2,2", "broker-1:9092,2,2", "'',1,1"})
    void replicationZeroMeansOneEmbeddedAndThreeExternal(String kafka, String replication, int expected) {
        Settings s = Settings.resolve(flags("kafka", kafka, "replication", replication), NO_ENV);
        assertThat(s.replication()).isEqualTo(expected);
        assertThat(s.embeddedKafka()).isEqualTo(kafka.isEmpty());
    }

    // ---- roles ----

    @ParameterizedTest(name = "''{0}''")
    @CsvSource({"all", "ALL", "''", "'ingest,stream,store,web,generate'"})
    void allRolesByDefaultOrByName(String roles) {
        assertThat(Settings.resolve(flags("roles", roles), NO_ENV).roles()).isEqualTo(EnumSet.allOf(Role.class));
    }

    @Test
    void rolesAreAListOfNamesInAnyCase() {
        assertThat(Settings.resolve(flags("roles", "ingest,web"), NO_ENV).roles()).containsExactlyInAnyOrder(Role.INGEST, Role.WEB);
        assertThat(Settings.resolve(flags("roles", " Stream , STORE "), NO_ENV).roles())
                .containsExactlyInAnyOrder(Role.STREAM, Role.STORE);
    }

    @Test
    void unknownRoleFailsNamingItAndTheKnownRoles() {
        assertThatThrownBy(() -> Settings.resolve(flags("roles", "ingest,printer"), NO_ENV))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("'roles'").hasMessageContaining("printer")
                .hasMessageContaining("ingest, stream, store, web, generate");
    }

    // ---- overrides ----

    @Test
    void withReplacesSomeSettingsAndKeepsTheRest() {
        Settings s = Settings.resolve(flags("port", "9090"), NO_ENV).with(Map.of("roles", "stream"));
        assertThat(s.roles()).containsExactly(Role.STREAM);
        assertThat(s.port()).isEqualTo(9090);
        assertThat(s.dataDir()).isEqualTo(data);
    }

    @Test
    void withChecksTheNewValues() {
        Settings s = Settings.resolve(flags(), NO_ENV);
        assertThatThrownBy(() -> s.with(Map.of("port", "x"))).isInstanceOf(SettingsException.class).hasMessageContaining("'port'");
    }

    @Test
    void dbMemoryIsEmptyOrASizeWithItsUnit() {
        assertThat(Settings.resolve(flags(), NO_ENV).get(SettingsSpec.DB_MEMORY)).isEmpty();
        assertThat(Settings.resolve(flags("db-memory", " 2GB "), NO_ENV).get(SettingsSpec.DB_MEMORY)).isEqualTo("2GB");
        assertThat(Settings.resolve(flags("db-memory", "512 MiB"), NO_ENV).get(SettingsSpec.DB_MEMORY)).isEqualTo("512 MiB");
        for (String bad : List.of("512", "lots", "1GB'; ATTACH 'x", "-1GB"))
            assertThatThrownBy(() -> Settings.resolve(flags("db-memory", bad), NO_ENV)).as(bad).isInstanceOf(SettingsException.class)
                    .hasMessageContaining("memory size");
    }
}
