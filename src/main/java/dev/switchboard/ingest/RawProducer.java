package dev.switchboard.ingest;

import dev.switchboard.mediation.RawRecord;
import dev.switchboard.mediation.RawRecords;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Produces raw records to their raw topic: idempotent, acks from all replicas, lz4 batches. */
public final class RawProducer implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public RawProducer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "switchboard-ingest");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    public void send(String topic, RawRecord raw) {
        send(topic, null, raw);
    }

    /** With a key, so that records of one key stay in order; null spreads them over the partitions. */
    public void send(String topic, String key, RawRecord raw) {
        Exception failed = failure.get();
        if (failed != null) throw new IllegalStateException("producing to " + topic + " failed: " + failed.getMessage(), failed);
        producer.send(RawRecords.toKafka(topic, key, raw), (meta, e) -> {
            if (e != null) failure.compareAndSet(null, e);
        });
    }

    /** Waits until every record sent so far is acknowledged; fails if any was not. */
    public void flush() {
        producer.flush();
        Exception failed = failure.get();
        if (failed != null) throw new IllegalStateException("producing failed: " + failed.getMessage(), failed);
    }

    @Override
    public void close() {
        producer.close();
    }
}
