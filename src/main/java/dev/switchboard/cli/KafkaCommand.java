package dev.switchboard.cli;

import dev.switchboard.platform.EmbeddedKafka;
import dev.switchboard.platform.Settings;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "kafka", mixinStandardHelpOptions = true,
        description = {"Run only a single-node Kafka broker (KRaft) on 127.0.0.1 with its log in DATA/kafka, until stopped,",
                "for Switchboard processes started with --kafka 127.0.0.1:PORT (one broker, so add --set replication=1)."})
final class KafkaCommand implements Runnable {
    @Mixin CommonOptions common;

    @Option(names = "--port", defaultValue = "9092", description = "broker port; default ${DEFAULT-VALUE}")
    int port;

    @Override
    public void run() {
        Settings settings = common.settings(Map.of());
        Runner.holdUntilStopped(settings.dataDir(), lock -> {
            EmbeddedKafka kafka = EmbeddedKafka.start(settings.kafkaLogDir(), port);
            System.err.println("Kafka broker is up: " + kafka.bootstrapServers() + "  (Ctrl-C stops it)");
            return kafka;
        });
    }
}
