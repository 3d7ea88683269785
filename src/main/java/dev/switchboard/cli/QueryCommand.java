package dev.switchboard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.platform.InstanceLock;
import dev.switchboard.platform.Json;
import dev.switchboard.platform.Settings;
import dev.switchboard.platform.SettingsSpec;
import dev.switchboard.store.Database;
import dev.switchboard.store.Dialect;
import dev.switchboard.store.QueryRefusedException;
import dev.switchboard.store.QueryResult;
import dev.switchboard.store.ReadOnlyQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Answer one read-only SQL query from the history store (tables cdr, cdr_error, call, call_error, bill, tariff tables, customer…).",
                "Writes (INSERT, UPDATE, DELETE, DDL, ATTACH, COPY …), files and settings are refused; a query stops after query-timeout.",
                "Talks to the running process over HTTP when the data folder is in use."})
final class QueryCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Parameters(paramLabel = "SQL", description = "the query, e.g. \"select result, count(*) from cdr group by 1\"")
    String sql;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json; default ${DEFAULT-VALUE}")
    String format;

    @Option(names = "--limit", defaultValue = "10000", description = "most rows shown; default ${DEFAULT-VALUE}")
    int limit;

    @Option(names = "--server", paramLabel = "URL", description = "ask a running Switchboard, e.g. http://127.0.0.1:8080")
    String server;

    @Override
    public Integer call() throws Exception {
        if (!java.util.List.of("table", "csv", "json").contains(format)) throw new UserError("unknown --format '" + format + "' (use table, csv or json)");
        Settings settings = common.settings(Map.of());
        Optional<String> url = Optional.ofNullable(server).or(() -> runningInstance(settings));
        QueryResult result = url.isPresent() ? remote(url.get()) : local(settings);
        ResultPrinter.print(result, format, System.out);
        return 0;
    }

    private static Optional<String> runningInstance(Settings settings) {
        if (!settings.db().isBlank()) return Optional.empty();
        var lock = InstanceLock.tryAcquire(settings.dataDir());
        if (lock.isPresent()) {
            lock.get().close();
            return Optional.empty();
        }
        return Optional.of(InstanceLock.runningUrl(settings.dataDir()).orElseThrow(() -> new UserError(
                "the data folder " + settings.dataDir() + " is in use by a process without a web server; stop it or use --server")));
    }

    private QueryResult local(Settings settings) {
        if (Dialect.of(settings.jdbcUrl()) == Dialect.DUCKDB) {
            Path file = Path.of(settings.jdbcUrl().substring("jdbc:duckdb:".length()));
            if (!Files.exists(file)) throw new UserError("no history yet at " + file + " (ingest something first, or give --data)");
        }
        try (Database db = Database.openReadOnly(settings.jdbcUrl(), settings.dbUser(), settings.dbPassword())) {
            return ReadOnlyQuery.run(db, sql, limit, settings.get(SettingsSpec.QUERY_TIMEOUT));
        } catch (QueryRefusedException e) {
            throw new UserError(e.getMessage());
        }
    }

    private QueryResult remote(String url) throws Exception {
        JsonNode answer = new ServerClient(url).post("/api/query?limit=" + limit, "application/json",
                Json.MAPPER.writeValueAsBytes(Map.of("sql", sql)));
        return Json.MAPPER.treeToValue(answer, QueryResult.class);
    }
}
