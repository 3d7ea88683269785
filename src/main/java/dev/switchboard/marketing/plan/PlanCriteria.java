package dev.switchboard.marketing.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.marketing.BusinessType;
import dev.switchboard.marketing.Tag;
import dev.switchboard.platform.Json;
import java.time.DayOfWeek;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Who a plan targets (docs/MARKETING.md, "Policy &amp; plan"). Every condition is on a person's figures over
 * the date range: their template-2 tag and business type, their template-4 best weekday and hour (in
 * their own local time), the regions they called, and their count of calls.
 *
 * <ul>
 *   <li>{@code tags} / {@code types}: the person's tag is in {@code tags} <b>or</b> their business type is in
 *       {@code types}; both empty: no condition.</li>
 *   <li>{@code weekdays}: the person's best weekday is one of them; empty: no condition.</li>
 *   <li>{@code fromHour}, {@code toHour}: the person's best hour {@code h} is in [from, to): {@code from <= h < to}
 *       when {@code from < to}; past midnight ({@code h >= from || h < to}) when {@code from > to}, so 22→6 is
 *       22h to 05h. Both null: no condition. from 0–23, to 0–24, not equal.</li>
 *   <li>{@code country}: ISO region; the person made at least one call to a number of that region in the range. Null: none.</li>
 *   <li>{@code minCalls}: at least this many calls in the range (0: no condition).</li>
 *   <li>{@code days}: the range when a run names no dates: the {@code days} local dates up to today.</li>
 * </ul>
 */
public record PlanCriteria(Set<Tag> tags, Set<BusinessType> types, Set<DayOfWeek> weekdays, Integer fromHour, Integer toHour, String country,
                           int minCalls, int days) {
    public static final int DEFAULT_DAYS = 30;
    public static final int MAX_DAYS = 3660;
    /** The fields of the JSON form, in order. */
    static final List<String> FIELDS = List.of("tags", "business_types", "weekdays", "from_hour", "to_hour", "country", "min_calls", "days");
    private static final Set<String> REGIONS = Set.of(Locale.getISOCountries());

    public PlanCriteria {
        tags = Collections.unmodifiableSet(tags == null || tags.isEmpty() ? EnumSet.noneOf(Tag.class) : EnumSet.copyOf(tags));
        types = Collections.unmodifiableSet(types == null || types.isEmpty() ? EnumSet.noneOf(BusinessType.class) : EnumSet.copyOf(types));
        weekdays = Collections.unmodifiableSet(weekdays == null || weekdays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(weekdays));
        if ((fromHour == null) != (toHour == null))
            throw new IllegalArgumentException("criteria.from_hour and criteria.to_hour: give both (a local hour range [from, to)) or neither");
        if (fromHour != null) {
            if (fromHour < 0 || fromHour > 23) throw new IllegalArgumentException("criteria.from_hour must be 0 to 23, got " + fromHour);
            if (toHour < 0 || toHour > 24) throw new IllegalArgumentException("criteria.to_hour must be 0 to 24, got " + toHour);
            if (fromHour.equals(toHour % 24))
                throw new IllegalArgumentException("criteria.from_hour and criteria.to_hour are the same hour (" + fromHour + " to " + toHour
                        + "): the period would be empty or the whole day; leave both out for any hour");
        }
        if (country != null) {
            String c = country.strip().toUpperCase(Locale.ROOT);
            if (c.isEmpty()) c = null;
            else if (!REGIONS.contains(c))
                throw new IllegalArgumentException("criteria.country must be an ISO 3166 region code such as FR, got '" + country + "'");
            country = c;
        }
        if (minCalls < 0) throw new IllegalArgumentException("criteria.min_calls must be 0 or more, got " + minCalls);
        if (days < 1 || days > MAX_DAYS) throw new IllegalArgumentException("criteria.days must be 1 to " + MAX_DAYS + ", got " + days);
    }

    /** No condition: everyone who called in the last {@link #DEFAULT_DAYS} days. */
    public static PlanCriteria any() {
        return new PlanCriteria(null, null, null, null, null, null, 0, DEFAULT_DAYS);
    }

    /** Whether a best hour of day is in the period (any hour when there is no period). */
    public boolean hourMatches(int hour) {
        if (fromHour == null) return true;
        int to = toHour;
        return fromHour < to ? hour >= fromHour && hour < to : hour >= fromHour || hour < to;
    }

    /** Whether a person's tag and business type (null: none) pass the tag/type condition. */
    public boolean businessMatches(Tag tag, BusinessType type) {
        if (tags.isEmpty() && types.isEmpty()) return true;
        return tags.contains(tag) || (type != null && types.contains(type));
    }

    public boolean weekdayMatches(DayOfWeek day) {
        return weekdays.isEmpty() || weekdays.contains(day);
    }

    // ---- JSON: {"tags": ["HEALTH"], "business_types": ["TRAVELING"], "weekdays": ["MONDAY"], "from_hour": 22, "to_hour": 6,
    //             "country": "FR", "min_calls": 3, "days": 30}

    /** The JSON form (every field, sets in enum order, absent values null). */
    public ObjectNode toJson() {
        ObjectNode o = Json.MAPPER.createObjectNode();
        ArrayNode t = o.putArray("tags");
        tags.forEach(x -> t.add(x.name()));
        ArrayNode b = o.putArray("business_types");
        types.forEach(x -> b.add(x.name()));
        ArrayNode w = o.putArray("weekdays");
        weekdays.forEach(x -> w.add(x.name()));
        o.put("from_hour", fromHour);
        o.put("to_hour", toHour);
        o.put("country", country);
        o.put("min_calls", minCalls);
        o.put("days", days);
        return o;
    }

    /**
     * Reads the JSON form; a missing or null field is no condition ({@code days}: {@link #DEFAULT_DAYS}). Anything
     * else that is wrong, an unknown field included, is an {@link IllegalArgumentException} naming the field.
     */
    public static PlanCriteria fromJson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return any();
        if (!node.isObject()) throw new IllegalArgumentException("criteria must be a JSON object with fields " + FIELDS);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) throw new IllegalArgumentException("criteria." + name + " is not a field; the fields are " + FIELDS);
        }
        return new PlanCriteria(
                names(node, "tags", PlanCriteria::tag, List.of(Tag.values())),
                names(node, "business_types", s -> BusinessType.parse(s).orElse(null), List.of(BusinessType.values())),
                names(node, "weekdays", PlanCriteria::weekday, List.of(DayOfWeek.values())),
                integer(node, "from_hour"), integer(node, "to_hour"), text(node, "country"),
                orElse(integer(node, "min_calls"), 0), orElse(integer(node, "days"), DEFAULT_DAYS));
    }

    private static <T> Set<T> names(JsonNode node, String field, Function<String, T> parse, List<?> known) {
        JsonNode v = node.get(field);
        Set<T> out = new HashSet<>();
        if (v == null || v.isNull()) return out;
        if (!v.isArray()) throw new IllegalArgumentException("criteria." + field + " must be an array of names, e.g. [\"" + known.get(0) + "\"]");
        for (JsonNode e : v) {
            T t = e.isTextual() ? parse.apply(e.asText()) : null;
            if (t == null) throw new IllegalArgumentException("criteria." + field + ": unknown value " + e + "; known: " + known);
            out.add(t);
        }
        return out;
    }

    private static Tag tag(String s) {
        for (Tag t : Tag.values()) if (t.name().equalsIgnoreCase(s.strip()) || t.label().equalsIgnoreCase(s.strip())) return t;
        return null;
    }

    private static DayOfWeek weekday(String s) {
        String w = s.strip().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) if (d.name().equals(w) || (w.length() == 3 && d.name().startsWith(w))) return d;
        return null;
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isIntegralNumber() || !v.canConvertToInt()) throw new IllegalArgumentException("criteria." + field + " must be a whole number, got " + v);
        return v.intValue();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw new IllegalArgumentException("criteria." + field + " must be text, got " + v);
        return v.asText();
    }

    private static int orElse(Integer v, int otherwise) {
        return v == null ? otherwise : v;
    }
}
