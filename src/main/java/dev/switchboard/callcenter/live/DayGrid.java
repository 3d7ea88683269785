package dev.switchboard.callcenter.live;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Local days cut into 5-minute buckets of elapsed time from local midnight, in one zone. A day is
 * 288 buckets long, or 276/300 on the days daylight saving starts or ends: bucket {@code i} starts
 * exactly {@code 5·i} minutes after midnight, and its label is the local time it starts at (so on the
 * day clocks go back, labels 01:00–01:55 appear twice).
 */
public record DayGrid(ZoneId zone) {
    public static final Duration BUCKET = Duration.ofMinutes(5);
    private static final long BUCKET_MS = BUCKET.toMillis();

    public DayGrid {
        Objects.requireNonNull(zone, "zone");
    }

    public LocalDate dateOf(Instant t) {
        return LocalDate.ofInstant(t, zone);
    }

    public Instant start(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }

    public Instant end(LocalDate date) {
        return start(date.plusDays(1));
    }

    public int buckets(LocalDate date) {
        return (int) ((end(date).toEpochMilli() - start(date).toEpochMilli() + BUCKET_MS - 1) / BUCKET_MS);
    }

    /** The bucket of {@code t} within its own local day. */
    public int bucketOf(Instant t) {
        return (int) ((t.toEpochMilli() - start(dateOf(t)).toEpochMilli()) / BUCKET_MS);
    }

    public Instant bucketStart(LocalDate date, int bucket) {
        return start(date).plusMillis(bucket * BUCKET_MS);
    }

    /** Bucket end, cut at the day's end (the last bucket of a day is never longer than the day). */
    public Instant bucketEnd(LocalDate date, int bucket) {
        Instant end = bucketStart(date, bucket + 1);
        Instant dayEnd = end(date);
        return end.isAfter(dayEnd) ? dayEnd : end;
    }

    public String label(LocalDate date, int bucket) {
        ZonedDateTime local = bucketStart(date, bucket).atZone(zone);
        return String.format("%02d:%02d", local.getHour(), local.getMinute());
    }
}
