package dev.switchboard.predict;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.callcenter.CallSubject;
import dev.switchboard.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;

/**
 * How the predictions made on arrival fared against the truth, for the calls of one local day in table
 * {@code call}: calls that ended with a subject and had been scored. Per subject: how many calls were
 * predicted so and how many of those were right, and how many truly were.
 */
public final class LiveAccuracy {
    /** One day's figures; {@code accuracy} null when no scored call has ended with a subject that day. */
    public record Day(LocalDate date, long scored, long correct, Double accuracy, @JsonProperty("by_subject") Map<CallSubject, Subject> bySubject,
            @JsonProperty("not_scored") long notScored) {}

    public record Subject(long predicted, @JsonProperty("predicted_right") long predictedRight, long actual) {}

    private static final String SQL = """
            SELECT predicted_subject, subject, count(*)
            FROM call
            WHERE queued_at >= ? AND queued_at < ? AND subject IS NOT NULL
            GROUP BY predicted_subject, subject
            """;

    private final Database db;
    private final ZoneId zone;

    public LiveAccuracy(Database db, ZoneId zone) {
        this.db = db;
        this.zone = zone;
    }

    /** The calls queued on {@code date} (local day in the platform zone). */
    public Day of(LocalDate date) {
        return db.read("cannot read the day's predictions", c -> {
            Map<CallSubject, long[]> by = new EnumMap<>(CallSubject.class);
            for (CallSubject s : CallSubject.values()) by.put(s, new long[3]);
            long scored = 0, correct = 0, notScored = 0;
            try (PreparedStatement ps = c.prepareStatement(SQL)) {
                ps.setObject(1, OffsetDateTime.ofInstant(date.atStartOfDay(zone).toInstant(), ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                ps.setObject(2, OffsetDateTime.ofInstant(date.plusDays(1).atStartOfDay(zone).toInstant(), ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String predicted = rs.getString(1);
                        CallSubject actual = CallSubject.valueOf(rs.getString(2));
                        long n = rs.getLong(3);
                        if (predicted == null) {
                            notScored += n;
                            continue;
                        }
                        CallSubject p = CallSubject.valueOf(predicted);
                        scored += n;
                        by.get(p)[0] += n;
                        by.get(actual)[2] += n;
                        if (p == actual) {
                            correct += n;
                            by.get(p)[1] += n;
                        }
                    }
                }
            }
            Map<CallSubject, Subject> subjects = new EnumMap<>(CallSubject.class);
            by.forEach((s, v) -> subjects.put(s, new Subject(v[0], v[1], v[2])));
            return new Day(date, scored, correct, scored == 0 ? null : (double) correct / scored, subjects, notScored);
        });
    }
}
