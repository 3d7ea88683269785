package dev.switchboard.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run Switchboard's subsystems (by --roles) against embedded or external Kafka and database, until stopped.")
final class ServeCommand implements Runnable {
    @Mixin CommonOptions common;

    @Option(names = "--roles", paramLabel = "LIST", description = "ingest,stream,store,web,generate or all (default all but generate)")
    String roles;

    @Option(names = "--port", paramLabel = "PORT", description = "web port; default 8080")
    String port;

    @Option(names = "--bind", paramLabel = "ADDR", description = "web address; default 127.0.0.1")
    String bind;

    @Override
    public void run() {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("roles", roles != null ? roles : "ingest,stream,store,web");
        CommonOptions.put(flags, "port", port);
        CommonOptions.put(flags, "bind", bind);
        Runner.runUntilStopped(common.settings(flags), LiveGenerators::startIfAsked);
    }
}
