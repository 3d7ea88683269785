package dev.switchboard.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies topics into SQL tables. Records are batched (up to a size or a linger time), written in one
 * database transaction, and only then are the Kafka offsets committed; rows are inserted
 * idempotently, so a crash between the two repeats a batch without doubling it. When the database
 * fails the batch is kept and retried with backoff while the sink reports itself unhealthy.
 */
public final class SqlSink implements Runnable, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SqlSink.class);
    public static final String GROUP_ID = "switchboard-store";

    /** One topic and how its records become rows. */
    public record Route<V>(String topic, Deserializer<V> deserializer, TableMapping<V> mapping) {}

    private final Database db;
    /** Routes by topic: a topic may feed several tables (an IVR session and its turns). */
    private final Map<String, List<Route<?>>> routes = new HashMap<>();
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final int batchSize;
    private final Duration linger;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean healthy = new AtomicBoolean(true);
    private final AtomicLong rowsWritten = new AtomicLong();
    private final AtomicLong failedWrites = new AtomicLong();
    private volatile String lastError = "";
    private Map<TopicPartition, OffsetAndMetadata> committed = Map.of();
    private final Thread thread;

    public SqlSink(String bootstrap, String instanceId, Database db, List<Route<?>> routes, int batchSize, Duration linger) {
        this.db = db;
        routes.forEach(r -> this.routes.computeIfAbsent(r.topic(), t -> new ArrayList<>()).add(r));
        this.batchSize = batchSize;
        this.linger = linger;
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
        p.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, GROUP_ID + "-" + instanceId);
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "15000");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(batchSize));
        p.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "65536");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this, "store-sink");
    }

    public void start() {
        consumer.subscribe(List.copyOf(routes.keySet()));
        thread.start();
    }

    public boolean healthy() {
        return healthy.get();
    }

    public String lastError() {
        return lastError;
    }

    public long rowsWritten() {
        return rowsWritten.get();
    }

    /** Batch writes that failed (each then retried after the backoff). */
    public long failedWrites() {
        return failedWrites.get();
    }

    @Override
    public void run() {
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
        long batchStarted = 0;
        try {
            while (running.get()) {
                ConsumerRecords<byte[], byte[]> polled = consumer.poll(Duration.ofMillis(100));
                if (batch.isEmpty()) batchStarted = System.nanoTime();
                polled.forEach(batch::add);
                boolean full = batch.size() >= batchSize;
                boolean lingered = System.nanoTime() - batchStarted >= linger.toNanos();
                if (!batch.isEmpty() && (full || lingered || polled.isEmpty())) {
                    writeWithRetry(batch);
                    batch.clear();
                } else if (batch.isEmpty() && polled.isEmpty()) {
                    commitIfMoved();
                }
            }
        } catch (WakeupException e) {
            if (running.get()) throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // A clean stop leaves the group at once (a static member would otherwise hold its partitions
            // until the session times out); after a crash, the restarted process reclaims them by its id.
            consumer.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(5)));
        }
    }

    private void writeWithRetry(List<ConsumerRecord<byte[], byte[]>> batch) throws InterruptedException {
        long backoffMs = 200;
        while (running.get()) {
            try {
                write(batch);
                healthy.set(true);
            } catch (RuntimeException e) {
                healthy.set(false);
                failedWrites.incrementAndGet();
                lastError = e.getMessage();
                log.warn("store write failed, retrying in {} ms: {}", backoffMs, e.getMessage());
                Thread.sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, 10_000);
                continue;
            }
            try {
                commitOffsets();
            } catch (CommitFailedException e) {
                // The partitions moved to another member, which re-reads them; the rows it writes again are skipped by key.
                log.info("offsets not committed after a rebalance: {}", e.getMessage());
            }
            return;
        }
    }

    private void write(List<ConsumerRecord<byte[], byte[]>> batch) {
        Map<Route<?>, List<Object[]>> rowsByRoute = new java.util.LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : batch) {
            for (Route<?> route : routes.get(r.topic())) {
                List<Object[]> rows = toRows(route, r);
                if (!rows.isEmpty()) rowsByRoute.computeIfAbsent(route, t -> new ArrayList<>()).addAll(rows);
            }
        }
        // Database.inTransaction also opens a DuckDB file again after a failed commit (a full disk), before the retry.
        db.inTransaction("cannot store " + batch.size() + " records", c -> {
            for (var entry : rowsByRoute.entrySet()) RowWriter.write(db.dialect(), c, entry.getKey().mapping(), entry.getValue());
            return null;
        });
        rowsWritten.addAndGet(batch.size());
    }

    private static <V> List<Object[]> toRows(Route<V> route, ConsumerRecord<byte[], byte[]> r) {
        V value;
        try {
            value = route.deserializer().deserialize(r.topic(), r.value());
        } catch (RuntimeException e) {
            // Only our own topologies write these topics; an unreadable record is logged, not stored.
            log.error("skipping unreadable record at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
            return List.of();
        }
        if (value == null) return List.of();
        return route.mapping().rows(value, new TableMapping.RecordPosition(r.topic(), r.partition(), r.offset()));
    }

    /** Commits the consumer's positions, which are past every polled record (all now in SQL) and past transaction markers. */
    private void commitOffsets() {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) next.put(tp, new OffsetAndMetadata(consumer.position(tp)));
        consumer.commitSync(next);
        committed = next;
    }

    /** When idle, the position can move past a transaction marker with no record to write: commit that too. */
    private void commitIfMoved() {
        for (TopicPartition tp : consumer.assignment()) {
            OffsetAndMetadata last = committed.get(tp);
            if (last == null || last.offset() != consumer.position(tp)) {
                try {
                    commitOffsets();
                } catch (CommitFailedException e) {
                    log.info("idle offset commit skipped after a rebalance: {}", e.getMessage());
                }
                return;
            }
        }
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            thread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
