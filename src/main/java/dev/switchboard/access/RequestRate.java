package dev.switchboard.access;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests per second per token, as a token bucket: a token may send {@code perSecond} requests a
 * second on average and bursts of up to two seconds' worth. Zero turns the limit off.
 */
final class RequestRate {
    private final double perSecond;
    private final double burst;
    private final Map<Integer, Bucket> buckets = new ConcurrentHashMap<>();

    RequestRate(int perSecond) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, 2.0 * perSecond);
    }

    /** Takes one request from the token's bucket; 0 when allowed, else the whole seconds to wait (at least 1). */
    long waitSeconds(int tokenId, long nowNanos) {
        if (perSecond <= 0) return 0;
        return buckets.computeIfAbsent(tokenId, id -> new Bucket(burst, nowNanos)).take(nowNanos, perSecond, burst);
    }

    private static final class Bucket {
        private double available;
        private long at;

        Bucket(double available, long at) {
            this.available = available;
            this.at = at;
        }

        synchronized long take(long now, double perSecond, double burst) {
            available = Math.min(burst, available + (now - at) / 1e9 * perSecond);
            at = now;
            if (available >= 1) {
                available -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - available) / perSecond);
        }
    }
}
