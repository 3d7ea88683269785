package dev.switchboard.callcenter.live;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The day's calls by subject ({@code GET /api/callcenter/summary}): ended calls counted on the day
 * they ended; {@code unclassified} ended without a subject (e.g. from an Asterisk queue_log).
 */
public record DaySummary(
        LocalDate date,
        Instant since,
        long joining,
        long complaint,
        long disconnection,
        long other,
        long unclassified,
        long total,
        long offered,
        long answered,
        long abandoned) {}
