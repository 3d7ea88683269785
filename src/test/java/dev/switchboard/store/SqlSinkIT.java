package dev.switchboard.store;

import static dev.switchboard.store.StoreFixtures.T0;
import static dev.switchboard.store.StoreFixtures.error;
import static dev.switchboard.store.StoreFixtures.sms;
import static dev.switchboard.store.StoreFixtures.voice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrHistory;
import dev.switchboard.cdr.CdrTopics;
import dev.switchboard.mediation.ErrorRecord;
import dev.switchboard.platform.EmbeddedKafka;
import dev.switchboard.platform.TopicAdmin;
import dev.switchboard.store.StoreFixtures.StoredError;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The store sink end to end: a real embedded broker, the CDR routes, and a real database. */
class SqlSinkIT {
    private static final int PARTITIONS = 2;
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void storesEveryCommittedRecordExactlyOnceAcrossRestartsAndReplays(Dialect dialect) throws Exception {
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(dialect, dir); Database db = store.open();
                EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka")); Admin admin = admin(kafka);
                KafkaProducer<String, byte[]> plain = producer(kafka, null);
                KafkaProducer<String, byte[]> tx = producer(kafka, "store-test")) {
            tx.initTransactions();
            List<StoredError> errors = new ArrayList<>();

            send(plain, clean(voice("c-1", T0, 42)));
            send(plain, clean(sms("c-2", T0.plusSeconds(1))));
            ErrorRecord unreadable = error("{\"id\":", T0, "UNREADABLE");
            errors.add(sent(send(plain, rejected(unreadable)), unreadable));
            tx.beginTransaction();
            send(tx, clean(voice("c-3", T0.plusSeconds(2), 7)));
            ErrorRecord committedError = error("a,b", T0.plusSeconds(2), "INVALID_NUMBER", "FUTURE_START");
            errors.add(sent(send(tx, rejected(committedError)), committedError));
            tx.commitTransaction();
            tx.beginTransaction();
            send(tx, clean(voice("aborted-1", T0, 1)));
            send(tx, rejected(error("aborted", T0, "UNREADABLE")));
            tx.abortTransaction();

            try (SqlSink sink = sink(kafka, db)) {
                awaitCaughtUp(admin);
                assertThat(sink.healthy()).isTrue();
                assertThat(sink.rowsWritten()).isEqualTo(5);
            }
            assertThat(StoreFixtures.storedCdrs(db)).containsExactly(voice("c-1", T0, 42), sms("c-2", T0.plusSeconds(1)),
                    voice("c-3", T0.plusSeconds(2), 7));
            assertThat(StoreFixtures.storedErrors(db)).containsExactlyElementsOf(errors);

            // While the sink is down: replays of stored CDRs, new records, one more committed transaction.
            send(plain, clean(voice("c-1", T0, 42)));
            send(plain, clean(sms("c-2", T0.plusSeconds(1))));
            send(plain, clean(voice("c-4", T0.plusSeconds(3), 9)));
            ErrorRecord later = error("later", T0.plusSeconds(3), "MISSING_FIELD");
            errors.add(sent(send(plain, rejected(later)), later));
            tx.beginTransaction();
            send(tx, clean(voice("c-5", T0.plusSeconds(4), 11)));
            send(tx, clean(voice("c-5", T0.plusSeconds(4), 11)));
            tx.commitTransaction();

            try (SqlSink sink = sink(kafka, db)) {
                awaitCaughtUp(admin);
                assertThat(sink.rowsWritten()).as("only the records after the committed offsets are read").isEqualTo(6);

                // An idle sink commits past the markers of an aborted transaction, with nothing to write.
                tx.beginTransaction();
                send(tx, clean(voice("aborted-2", T0, 1)));
                tx.abortTransaction();
                awaitCaughtUp(admin);
                assertThat(sink.rowsWritten()).isEqualTo(6);
            }
            List<Cdr> all = List.of(voice("c-1", T0, 42), sms("c-2", T0.plusSeconds(1)), voice("c-3", T0.plusSeconds(2), 7),
                    voice("c-4", T0.plusSeconds(3), 9), voice("c-5", T0.plusSeconds(4), 11));
            assertThat(StoreFixtures.storedCdrs(db)).containsExactlyElementsOf(all);
            assertThat(StoreFixtures.storedErrors(db)).containsExactlyElementsOf(errors);

            // A crash after the database commit but before the offset commit: the group re-reads from the start.
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            partitions().forEach(tp -> start.put(tp, new OffsetAndMetadata(0)));
            admin.alterConsumerGroupOffsets(SqlSink.GROUP_ID, start).all().get(10, TimeUnit.SECONDS);
            try (SqlSink sink = sink(kafka, db)) {
                awaitCaughtUp(admin);
                assertThat(sink.rowsWritten()).isEqualTo(11);
            }
            assertThat(StoreFixtures.storedCdrs(db)).containsExactlyElementsOf(all);
            assertThat(StoreFixtures.storedErrors(db)).containsExactlyElementsOf(errors);
        }
    }

    @Test
    void reportsItselfUnhealthyWhileTheDatabaseFailsThenCatchesUpWithoutLoss() throws Exception {
        // DuckDB in this process cannot be made to fail on demand; PostgreSQL can lose a table.
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(Dialect.POSTGRES, dir); Database db = store.open();
                EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka")); Admin admin = admin(kafka);
                KafkaProducer<String, byte[]> producer = producer(kafka, null); SqlSink sink = sink(kafka, db)) {
            send(producer, clean(voice("c-1", T0, 1)));
            await("the first CDR is stored", () -> StoreFixtures.count(db, "cdr") == 1);

            execute(db, "ALTER TABLE cdr RENAME TO cdr_away");
            send(producer, clean(voice("c-2", T0.plusSeconds(1), 2)));
            send(producer, clean(sms("c-3", T0.plusSeconds(2))));
            ErrorRecord e = error("bad", T0, "UNREADABLE");
            StoredError stored = sent(send(producer, rejected(e)), e);
            await("the sink reports the failing database", () -> !sink.healthy());
            assertThat(sink.lastError()).contains("cdr");

            execute(db, "ALTER TABLE cdr_away RENAME TO cdr");
            awaitCaughtUp(admin);
            await("the sink is healthy again", sink::healthy);
            assertThat(StoreFixtures.storedCdrs(db)).containsExactly(voice("c-1", T0, 1), voice("c-2", T0.plusSeconds(1), 2),
                    sms("c-3", T0.plusSeconds(2)));
            assertThat(StoreFixtures.storedErrors(db)).containsExactly(stored);
        }
    }

    private static SqlSink sink(EmbeddedKafka kafka, Database db) {
        SqlSink sink = new SqlSink(kafka.bootstrapServers(), "sink-it", db, CdrHistory.routes(), 500, Duration.ofMillis(50));
        sink.start();
        return sink;
    }

    private static ProducerRecord<String, byte[]> clean(Cdr cdr) {
        byte[] json = CdrTopics.CLEAN.valueSerde().serializer().serialize(CdrTopics.CLEAN.name(), cdr);
        return new ProducerRecord<>(CdrTopics.CLEAN.name(), cdr.callingNumber(), json);
    }

    /** Errors go to partition 0, so the position that keys their row is known from the send. */
    private static ProducerRecord<String, byte[]> rejected(ErrorRecord e) {
        byte[] json = CdrTopics.ERROR.valueSerde().serializer().serialize(CdrTopics.ERROR.name(), e);
        return new ProducerRecord<>(CdrTopics.ERROR.name(), 0, e.source(), json);
    }

    private static StoredError sent(RecordMetadata where, ErrorRecord e) {
        return new StoredError(where.topic(), where.partition(), where.offset(), e.source(), e.format(), e.receivedAt(), e.reasonText(), e.raw());
    }

    private static RecordMetadata send(KafkaProducer<String, byte[]> producer, ProducerRecord<String, byte[]> record) throws Exception {
        return producer.send(record).get(10, TimeUnit.SECONDS);
    }

    private static KafkaProducer<String, byte[]> producer(EmbeddedKafka kafka, String transactionalId) {
        Map<String, Object> config = new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000));
        if (transactionalId != null) config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static Admin admin(EmbeddedKafka kafka) {
        TopicAdmin.ensure(kafka.bootstrapServers(), CdrTopics.ALL, PARTITIONS, 1);
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static List<TopicPartition> partitions() {
        List<TopicPartition> all = new ArrayList<>();
        for (String topic : List.of(CdrTopics.CLEAN.name(), CdrTopics.ERROR.name()))
            for (int p = 0; p < PARTITIONS; p++) all.add(new TopicPartition(topic, p));
        return all;
    }

    /**
     * Waits until the sink's committed offsets reach the end of every partition, past transaction
     * markers too. A transaction's markers are written after commit or abort returns, so the end
     * counts only once no transaction is left open (the read-committed end equals the log end).
     */
    private static void awaitCaughtUp(Admin admin) throws Exception {
        Map<TopicPartition, Long> ends = new HashMap<>();
        Map<TopicPartition, Long> committed = new HashMap<>();
        await(() -> "committed offsets " + committed + " reach the ends " + ends, () -> {
            ends.clear();
            ends.putAll(ends(admin, IsolationLevel.READ_UNCOMMITTED));
            if (!ends.equals(ends(admin, IsolationLevel.READ_COMMITTED))) return false;
            committed.clear();
            admin.listConsumerGroupOffsets(SqlSink.GROUP_ID).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
                    .forEach((tp, o) -> committed.put(tp, o == null ? 0 : o.offset()));
            return ends.entrySet().stream().allMatch(e -> committed.getOrDefault(e.getKey(), 0L).equals(e.getValue()));
        });
    }

    private static Map<TopicPartition, Long> ends(Admin admin, IsolationLevel isolation) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all().get(10, TimeUnit.SECONDS)
                .forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        await(() -> what, condition);
    }

    private static void await(Supplier<String> what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out after " + PATIENCE + " waiting until " + what.get());
            Thread.sleep(50);
        }
    }

    private static void execute(Database db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
