package dev.switchboard.cli;

import dev.switchboard.platform.EmbeddedKafka;
import dev.switchboard.platform.InstanceLock;
import dev.switchboard.platform.Settings;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
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
        InstanceLock lock = InstanceLock.tryAcquire(settings.dataDir()).orElseThrow(() -> new UserError(
                "another Switchboard process is using data folder " + settings.dataDir().toAbsolutePath()));
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopped.countDown();
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "shutdown"));
        try (lock; EmbeddedKafka kafka = EmbeddedKafka.start(settings.kafkaLogDir(), port)) {
            System.err.println("Kafka broker is up: " + kafka.bootstrapServers() + "  (Ctrl-C stops it)");
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closed.countDown();
        }
    }
}
