package dev.switchboard.callcenter.live;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.callcenter.CallSubject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The per-day part of the live metrics besides its buckets.
 *
 * @param baseline   when counting for the day began: local midnight, or the last reset that day
 * @param carriedIn  calls queued before the baseline that left the queue after it (they were waiting at the baseline)
 * @param subjects   ended calls by subject; {@code UNCLASSIFIED} for ended calls that carry none
 */
public record DayHeader(
        LocalDate date,
        Instant baseline,
        Thresholds thresholds,
        @JsonProperty("carried_in") long carriedIn,
        Map<String, Long> subjects) {
    public static final String UNCLASSIFIED = "UNCLASSIFIED";

    public DayHeader {
        subjects = Map.copyOf(subjects);
    }

    static DayHeader fresh(LocalDate date, Instant baseline, Thresholds thresholds) {
        return new DayHeader(date, baseline, thresholds, 0, Map.of());
    }

    DayHeader carryIn() {
        return new DayHeader(date, baseline, thresholds, carriedIn + 1, subjects);
    }

    DayHeader subject(CallSubject subject) {
        Map<String, Long> next = new HashMap<>(subjects);
        next.merge(subject == null ? UNCLASSIFIED : subject.name(), 1L, Long::sum);
        return new DayHeader(date, baseline, thresholds, carriedIn, next);
    }

    long subjectCount(String name) {
        return subjects.getOrDefault(name, 0L);
    }
}
