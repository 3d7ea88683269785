package dev.switchboard.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.admin.ListOffsetsOptions;

/**
 * How far the store sink is behind the topics it copies: the records in committed transactions
 * that the sink's consumer group has not committed yet. Zero, with no transaction open, means
 * everything mediated so far is in SQL.
 */
public final class StoreProgress implements AutoCloseable {
    private final Admin admin;
    private final List<String> topics;
    private final String groupId;

    public StoreProgress(String bootstrap, List<String> topics, String groupId) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        this.topics = List.copyOf(topics);
        this.groupId = groupId;
    }

    /** Records not yet stored, or -1 when a transaction on the topics is still open. */
    public long behind() {
        try {
            List<TopicPartition> partitions = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .toList();
            Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> committedEnd = admin.listOffsets(latest,
                    new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin.listOffsets(latest,
                    new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> done = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            long behind = 0;
            for (TopicPartition tp : partitions) {
                long stable = committedEnd.get(tp).offset();
                if (stable < end.get(tp).offset()) return -1;
                OffsetAndMetadata at = done.get(tp);
                behind += Math.max(0, stable - (at == null ? 0 : at.offset()));
            }
            return behind;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read store progress: " + e.getMessage(), e);
        }
    }

    /**
     * Waits until the store has everything mediation has written. The check must hold twice, a few
     * commit intervals apart: records mediation has counted may sit in its producer's buffer for a
     * moment before the topics (and so {@link #behind()}) show them.
     */
    public void awaitStored(Duration limit, Duration commitInterval) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        long pause = commitInterval.toMillis() * 3 + 300;
        while (true) {
            while (behind() != 0) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("the store did not catch up within " + limit);
                Thread.sleep(100);
            }
            Thread.sleep(pause);
            if (behind() == 0) return;
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
