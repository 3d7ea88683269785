package dev.switchboard.cli;

import dev.switchboard.platform.SettingsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "switchboard", mixinStandardHelpOptions = true, version = "switchboard 0.1.0",
        description = "Call-record analytics: ingest, mediate, rate, store, bill and query CDRs and call-center events on Kafka.",
        subcommands = {DemoCommand.class, ServeCommand.class, GenerateCommand.class, IngestCommand.class,
                QueryCommand.class, CustomersCommand.class, TariffsCommand.class, DirectoryCommand.class, ExportCommand.class, RerateCommand.class, BillCommand.class, TrainCommand.class, BenchCommand.class, KafkaCommand.class, TokensCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof SettingsException || e instanceof UserError) {
                cmd.getErr().println("switchboard: " + e.getMessage());
                return 2;
            }
            cmd.getErr().println("switchboard: " + e);
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
