package dev.switchboard.callcenter.live;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One 5-minute bucket as {@code GET /api/callcenter/buckets} shows it.
 *
 * @param waitingAtEnd calls in queue at the bucket's end (null for buckets before the day's counting began)
 * @param avgWaitSec   average wait of the calls answered in the bucket
 * @param maxWaitSec   longest wait of the calls that left the queue in the bucket
 */
public record BucketRow(
        int index,
        String label,
        Instant start,
        Instant end,
        long offered,
        long answered,
        long abandoned,
        @JsonProperty("waiting_at_end") Long waitingAtEnd,
        @JsonProperty("max_wait_sec") long maxWaitSec,
        @JsonProperty("avg_wait_sec") Double avgWaitSec,
        Kpis kpis) {}
