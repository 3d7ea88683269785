package dev.switchboard.platform;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads ISO-8601 date-times. Nearly every time on the wire is in the one shape this project writes,
 * {@code 2026-03-02T10:15:30Z} (optionally with a fraction); that shape is read directly, because
 * {@link DateTimeFormatter} was a tenth of mediation's and of the store sink's CPU time (JFR). Any
 * other shape, e.g. with an offset, goes through {@code OffsetDateTime.parse}, so the result is the same.
 */
public final class Instants {
    private Instants() {}

    /** An instant from an ISO-8601 date-time with {@code Z} or an offset. */
    public static Instant parse(String text) {
        Instant fast = utcShape(text);
        if (fast != null) return fast;
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or null when the text has another shape. */
    private static Instant utcShape(String s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') return null;
        int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
        int hour = digits(s, 11, 2), minute = digits(s, 14, 2), second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) return null;
        int nanos = 0;
        if (n > 20) {
            if (s.charAt(19) != '.' || n == 21) return null;
            int fraction = digits(s, 20, n - 21);
            if (fraction < 0) return null;
            nanos = fraction;
            for (int i = n - 21; i < 9; i++) nanos *= 10;
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(days * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
        } catch (DateTimeException e) {
            throw new DateTimeParseException("invalid date: " + e.getMessage(), s, 0);
        }
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** For the shared mapper: instants on the wire read through {@link #parse}. */
    static final class Deserializer extends com.fasterxml.jackson.databind.JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(com.fasterxml.jackson.core.JsonParser p, com.fasterxml.jackson.databind.DeserializationContext ctx)
                throws java.io.IOException {
            if (p.currentToken() == com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT) return Instant.ofEpochMilli(p.getLongValue());
            String text = p.getValueAsString();
            if (text == null) return (Instant) ctx.handleUnexpectedToken(Instant.class, p);
            try {
                return parse(text.trim());
            } catch (DateTimeParseException e) {
                return (Instant) ctx.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant: %s", e.getMessage());
            }
        }
    }
}
