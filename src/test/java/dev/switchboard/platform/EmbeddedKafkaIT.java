package dev.switchboard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guards the internal Kafka classes the embedded broker relies on: start, produce, consume, restart. */
class EmbeddedKafkaIT {
    @TempDir Path dir;

    @Test
    void brokerStartsServesRecordsAndKeepsThemAcrossARestart() throws Exception {
        Topic<String, String> topic = new Topic<>("smoke", Serdes.String(), Serdes.String());
        Path log = dir.resolve("kafka");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(log)) {
            TopicAdmin.ensure(kafka.bootstrapServers(), List.of(topic), 1, 1);
            try (var producer = new KafkaProducer<String, String>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("smoke", "k", "hello")).get();
            }
        }
        String clusterId = Files.readString(log.resolve("meta.properties"));
        try (EmbeddedKafka kafka = EmbeddedKafka.start(log)) {
            assertThat(Files.readString(log.resolve("meta.properties"))).isEqualTo(clusterId);
            try (var consumer = new KafkaConsumer<String, String>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "smoke",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("smoke"));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                ConsumerRecords<String, String> records = ConsumerRecords.empty();
                while (records.isEmpty() && System.nanoTime() < deadline) records = consumer.poll(Duration.ofMillis(500));
                assertThat(records).extracting(r -> r.value()).containsExactly("hello");
            }
        }
    }
}
