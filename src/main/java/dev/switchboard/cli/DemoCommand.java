package dev.switchboard.cli;

import dev.switchboard.generate.LiveWorkload;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Everything in one process on embedded defaults: Kafka broker, mediation, SQL history,",
                "live generators and the dashboard on http://127.0.0.1:8080. Data is kept in --data between runs.",
                "Prints an admin token made for this run (the one of the previous run is revoked) and a sign-in link."})
final class DemoCommand implements Runnable {
    @Mixin CommonOptions common;

    @Option(names = "--port", paramLabel = "PORT", description = "web port; default 8080")
    String port;

    @Option(names = "--speed", paramLabel = "N", defaultValue = "1", description = "multiplies the CDR generator's rate, and runs the call-center simulation N times faster than real time; default ${DEFAULT-VALUE}")
    double speed;

    @Override
    public void run() {
        if (!(speed > 0)) throw new UserError("--speed must be positive");
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("roles", "all");
        CommonOptions.put(flags, "port", port);
        var settings = common.settings(flags);
        double rate = settings.generatorRate() * speed;
        if (rate > LiveWorkload.MAX_RATE)
            throw new UserError("--speed " + speed + " makes " + rate + " CDRs/s, over the live generator's maximum of " + (long) LiveWorkload.MAX_RATE);
        settings = settings.with(Map.of("generator-rate", String.valueOf(rate), "call-speed", String.valueOf(speed)));
        var finalSettings = settings;
        Runner.runUntilStopped(settings, sb -> DemoToken.issue(sb, finalSettings), LiveGenerators::startIfAsked);
    }
}
