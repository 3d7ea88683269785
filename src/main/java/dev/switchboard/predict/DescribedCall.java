package dev.switchboard.predict;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.callcenter.Sex;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The body of {@code POST /api/model/predict}: a caller described field by field, read into
 * {@link CallFeatures} with every problem listed. Fields: city, sex (F/M), age, products [codes],
 * calls_last_30d, calls_last_7d, last_call (NONE, ABANDONED or a subject), hour and weekday (MON… or
 * MONDAY…) or time (an ISO instant, local in the platform zone), queue, dialled_number. All optional
 * but hour/weekday or time.
 */
final class DescribedCall {
    private DescribedCall() {}

    /** @throws InvalidCall listing every problem */
    static CallFeatures read(JsonNode body, ZoneId zone) {
        List<String> problems = new ArrayList<>();
        if (body == null || !body.isObject()) throw new InvalidCall(List.of("body: a JSON object expected"));
        String city = text(body, "city", problems);
        Sex sex = null;
        String sexText = text(body, "sex", problems);
        if (sexText != null) {
            try {
                sex = Sex.valueOf(sexText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("sex: F or M");
            }
        }
        Integer age = integer(body, "age", 0, 130, problems);
        Set<String> products = new LinkedHashSet<>();
        JsonNode p = body.get("products");
        if (p != null && !p.isNull()) {
            if (!p.isArray()) problems.add("products: an array of product codes");
            else for (JsonNode code : p) {
                if (!code.isTextual() || code.asText().isBlank()) problems.add("products: codes are non-empty strings");
                else products.add(code.asText());
            }
        }
        Integer last30 = integer(body, "calls_last_30d", 0, 100_000, problems);
        Integer last7 = integer(body, "calls_last_7d", 0, 100_000, problems);
        LastCall last = LastCall.NONE;
        String lastText = text(body, "last_call", problems);
        if (lastText != null) {
            try {
                last = LastCall.valueOf(lastText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("last_call: one of NONE, ABANDONED, JOINING, COMPLAINT, DISCONNECTION, OTHER");
            }
        }
        Integer hour = integer(body, "hour", 0, 23, problems);
        DayOfWeek weekday = null;
        String weekdayText = text(body, "weekday", problems);
        if (weekdayText != null) weekday = weekday(weekdayText, problems);
        String time = text(body, "time", problems);
        if (time != null) {
            try {
                ZonedDateTime local = Instant.parse(time).atZone(zone);
                if (hour == null) hour = local.getHour();
                if (weekday == null) weekday = local.getDayOfWeek();
            } catch (java.time.format.DateTimeParseException e) {
                problems.add("time: an ISO instant such as 2026-03-02T09:15:00Z");
            }
        }
        if (hour == null && time == null && absent(body, "hour")) problems.add("hour: required (0-23), or time");
        if (weekday == null && time == null && absent(body, "weekday")) problems.add("weekday: required (MON..SUN), or time");
        int n30 = last30 == null ? 0 : last30;
        int n7 = last7 == null ? 0 : last7;
        if (n7 > n30) problems.add("calls_last_7d: must not exceed calls_last_30d");
        if (!problems.isEmpty()) throw new InvalidCall(problems);
        return new CallFeatures(city, sex, age, products, n30, n7, last, hour, weekday, text(body, "queue", problems),
                text(body, "dialled_number", problems));
    }

    private static boolean absent(JsonNode body, String field) {
        return body.get(field) == null || body.get(field).isNull();
    }

    private static DayOfWeek weekday(String text, List<String> problems) {
        String t = text.toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) if (d.name().equals(t) || d.name().substring(0, 3).equals(t)) return d;
        problems.add("weekday: MON..SUN or MONDAY..SUNDAY");
        return null;
    }

    private static String text(JsonNode body, String field, List<String> problems) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) {
            problems.add(field + ": a string");
            return null;
        }
        return n.asText().isBlank() ? null : n.asText();
    }

    private static Integer integer(JsonNode body, String field, int min, int max, List<String> problems) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < min || n.asInt() > max) {
            problems.add(field + ": an integer " + min + ".." + max);
            return null;
        }
        return n.asInt();
    }

    /** A described call that cannot be scored; the details name each field at fault. */
    static final class InvalidCall extends RuntimeException {
        final List<String> problems;

        InvalidCall(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }
    }
}
