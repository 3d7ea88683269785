package dev.switchboard.rating;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.cdr.CdrType;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tariff model to and from JSON trees in the file format of docs/TARIFFS.md (snake_case). Money is
 * read exactly (a JSON string or number, never through double) and written as strings. Every refusal
 * names where it is, e.g. {@code plans[2].rates[14] (id us-peak): price_per_unit: not a number}.
 */
final class TariffJson {
    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    /** Money fits DECIMAL(18,6) in the store. */
    static final int MONEY_SCALE = 6;
    static final String INVALID = "invalid tariff";

    private TariffJson() {}

    // ---- reading

    static ZoneId zone(JsonNode root) {
        if (root == null || !root.isObject()) throw TariffException.invalid(INVALID, "expected one JSON object");
        return zone(text(root, "zone", "", "UTC"));
    }

    static List<PlanVersion> plans(JsonNode root, ZoneId zone) {
        List<PlanVersion> versions = new ArrayList<>();
        JsonNode plans = array(root, "plans", "");
        for (int i = 0; i < plans.size(); i++) versions.add(plan(plans.get(i), zone, "plans[" + i + "]"));
        return versions;
    }

    static java.util.Map<String, String> assignments(JsonNode root) {
        java.util.Map<String, String> assignments = new java.util.HashMap<>();
        JsonNode assigned = root.path("assignments");
        if (assigned.isMissingNode() || assigned.isNull()) return assignments;
        if (!assigned.isObject()) throw TariffException.invalid(INVALID, "assignments: expected an object {\"+1…\": \"plan\"}");
        assigned.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) throw TariffException.invalid(INVALID, "assignments." + e.getKey() + ": expected a plan id");
            assignments.put(subscriber(e.getKey()), e.getValue().asText().strip());
        });
        return assignments;
    }

    static Tariffs tariffs(List<PlanVersion> versions, java.util.Map<String, String> assignments, String defaultPlan, ZoneId zone) {
        java.util.Map<String, List<PlanVersion>> byPlan = new java.util.LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (PlanVersion v : versions) {
            if (!seen.add(v.planId() + "\u0000" + v.version()))
                throw TariffException.invalid(INVALID, "plan " + v.planId() + " version " + v.version() + " is declared twice");
            byPlan.computeIfAbsent(v.planId(), k -> new ArrayList<>()).add(v);
        }
        try {
            return new Tariffs(byPlan, assignments, defaultPlan, zone);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw TariffException.invalid(INVALID, e.getMessage());
        }
    }

    /** One plan version; {@code zone} turns a plain date in active_from into the start of that day. */
    static PlanVersion plan(JsonNode node, ZoneId zone, String at) {
        if (node == null || !node.isObject()) throw TariffException.invalid(INVALID, at + ": expected an object");
        String planId = required(node, "plan_id", at);
        at = at + " (plan " + planId + ")";
        int version = integer(node, "version", at, 1);
        Instant activeFrom = activeFrom(required(node, "active_from", at), zone, at);
        String currency = required(node, "currency", at);
        BigDecimal taxRate = money(node, "tax_rate", at, BigDecimal.ZERO);
        List<TimeBand> bands = new ArrayList<>();
        JsonNode bandNodes = array(node, "bands", at);
        for (int i = 0; i < bandNodes.size(); i++) bands.add(band(bandNodes.get(i), at + ".bands[" + i + "]"));
        Set<LocalDate> holidays = new HashSet<>();
        JsonNode dayNodes = array(node, "holidays", at);
        for (int i = 0; i < dayNodes.size(); i++) {
            try {
                holidays.add(LocalDate.parse(dayNodes.get(i).asText()));
            } catch (DateTimeException e) {
                throw TariffException.invalid(INVALID, at + ".holidays[" + i + "]: not a date YYYY-MM-DD: " + dayNodes.get(i).asText());
            }
        }
        List<FreeAllowance> allowances = new ArrayList<>();
        JsonNode allowanceNodes = array(node, "allowances", at);
        for (int i = 0; i < allowanceNodes.size(); i++) allowances.add(allowance(allowanceNodes.get(i), at + ".allowances[" + i + "]"));
        List<Rate> rates = new ArrayList<>();
        JsonNode rateNodes = array(node, "rates", at);
        for (int i = 0; i < rateNodes.size(); i++) rates.add(rate(rateNodes.get(i), currency, at + ".rates[" + i + "]"));
        return plan(planId, version, activeFrom, currency, taxRate, bands, holidays, rates, allowances, at);
    }

    static PlanVersion plan(String planId, int version, Instant activeFrom, String currency, BigDecimal taxRate, List<TimeBand> bands,
            Set<LocalDate> holidays, List<Rate> rates, List<FreeAllowance> allowances, String at) {
        Set<String> ids = new HashSet<>();
        for (Rate r : rates) if (!ids.add(r.id())) throw TariffException.invalid(INVALID, at + ": rate id " + r.id() + " is used twice");
        try {
            return new PlanVersion(planId, version, activeFrom, currency, taxRate, bands, holidays, rates, allowances);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw TariffException.invalid(INVALID, at + ": " + e.getMessage());
        }
    }

    static TimeBand band(JsonNode node, String at) {
        if (!node.isObject()) throw TariffException.invalid(INVALID, at + ": expected an object");
        String name = required(node, "name", at);
        Set<DayKind> days = EnumSet.noneOf(DayKind.class);
        JsonNode dayNodes = array(node, "days", at);
        for (int i = 0; i < dayNodes.size(); i++) days.add(enumOf(DayKind.class, dayNodes.get(i).asText(), at + ".days[" + i + "]"));
        try {
            return new TimeBand(name, days, minute(text(node, "from", at, "00:00"), at + ".from"), minute(text(node, "to", at, "24:00"), at + ".to"));
        } catch (IllegalArgumentException e) {
            throw TariffException.invalid(INVALID, at + ": " + e.getMessage());
        }
    }

    static FreeAllowance allowance(JsonNode node, String at) {
        if (!node.isObject()) throw TariffException.invalid(INVALID, at + ": expected an object");
        List<String> prefixes = new ArrayList<>();
        JsonNode p = array(node, "prefixes", at);
        for (int i = 0; i < p.size(); i++) prefixes.add(prefix(p.get(i).asText(), at + ".prefixes[" + i + "]"));
        try {
            return new FreeAllowance(required(node, "id", at), enumOf(CdrType.class, text(node, "type", at, "VOICE"), at + ".type"),
                    longValue(node, "units", at), prefixes);
        } catch (IllegalArgumentException e) {
            throw TariffException.invalid(INVALID, at + ": " + e.getMessage());
        }
    }

    /** A rate; fields as in the file, every one but id and price_per_unit with a default (see docs/TARIFFS.md). */
    static Rate rate(JsonNode node, String currency, String at) {
        if (!node.isObject()) throw TariffException.invalid(INVALID, at + ": expected an object");
        String id = required(node, "id", at);
        at = at + " (rate " + id + ")";
        int increment = integer(node, "increment_sec", at, 60);
        try {
            return new Rate(id, enumOf(CdrType.class, text(node, "type", at, "VOICE"), at + ".type"), prefix(text(node, "prefix", at, ""), at + ".prefix"),
                    text(node, "band", at, null), money(node, "connection_fee", at, BigDecimal.ZERO), money(node, "price_per_unit", at, null),
                    integer(node, "unit_sec", at, 60), integer(node, "first_increment_sec", at, increment), increment,
                    money(node, "min_cost", at, null), money(node, "max_cost", at, null),
                    enumOf(Rounding.class, text(node, "rounding", at, "HALF_UP"), at + ".rounding"), integer(node, "decimals", at, 2), currency);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw TariffException.invalid(INVALID, at + ": " + e.getMessage());
        }
    }

    // ---- writing

    static ObjectNode tariffs(Tariffs t) {
        ObjectNode root = NODES.objectNode();
        root.put("zone", t.zone().getId());
        root.put("default_plan", t.defaultPlan());
        ArrayNode plans = root.putArray("plans");
        for (String id : new TreeSet<>(t.plans().keySet())) for (PlanVersion v : t.plans().get(id)) plans.add(plan(v));
        ObjectNode assignments = root.putObject("assignments");
        new java.util.TreeMap<>(t.assignments()).forEach(assignments::put);
        return root;
    }

    static ObjectNode plan(PlanVersion v) {
        ObjectNode n = NODES.objectNode();
        n.put("plan_id", v.planId());
        n.put("version", v.version());
        n.put("active_from", v.activeFrom().toString());
        n.put("currency", v.currency());
        n.put("tax_rate", v.taxRate().toPlainString());
        ArrayNode bands = n.putArray("bands");
        for (TimeBand b : v.bands()) {
            ObjectNode bn = bands.addObject();
            bn.put("name", b.name());
            ArrayNode days = bn.putArray("days");
            EnumSet.copyOf(b.days()).forEach(d -> days.add(d.name()));
            bn.put("from", clock(b.fromMinute()));
            bn.put("to", clock(b.toMinute()));
        }
        ArrayNode holidays = n.putArray("holidays");
        new TreeSet<>(v.holidays()).forEach(d -> holidays.add(d.toString()));
        ArrayNode allowances = n.putArray("allowances");
        for (FreeAllowance a : v.allowances()) {
            ObjectNode an = allowances.addObject();
            an.put("id", a.id());
            an.put("type", a.type().name());
            an.put("units", a.units());
            ArrayNode prefixes = an.putArray("prefixes");
            a.prefixes().forEach(prefixes::add);
        }
        ArrayNode rates = n.putArray("rates");
        for (Rate r : v.rates()) rates.add(rate(r));
        return n;
    }

    static ObjectNode rate(Rate r) {
        ObjectNode n = NODES.objectNode();
        n.put("id", r.id());
        n.put("type", r.type().name());
        n.put("prefix", r.prefix());
        if (r.band() == null) n.putNull("band");
        else n.put("band", r.band());
        n.put("connection_fee", r.connectionFee().toPlainString());
        n.put("price_per_unit", r.pricePerUnit().toPlainString());
        n.put("unit_sec", r.unitSec());
        n.put("first_increment_sec", r.firstIncrementSec());
        n.put("increment_sec", r.incrementSec());
        n.put("min_cost", r.minCost() == null ? null : r.minCost().toPlainString());
        n.put("max_cost", r.maxCost() == null ? null : r.maxCost().toPlainString());
        n.put("rounding", r.rounding().name());
        n.put("decimals", r.decimals());
        return n;
    }

    static String clock(int minute) {
        return String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
    }

    // ---- fields

    private static JsonNode value(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (v.isTextual() && v.asText().isBlank()) return null;
        return v;
    }

    static String required(JsonNode node, String field, String at) {
        String v = text(node, field, at, null);
        if (v == null) throw TariffException.invalid(INVALID, where(at, field) + ": missing");
        return v;
    }

    static String text(JsonNode node, String field, String at, String fallback) {
        JsonNode v = value(node, field);
        if (v == null) return fallback;
        if (!v.isValueNode()) throw TariffException.invalid(INVALID, where(at, field) + ": expected text");
        return v.asText().strip();
    }

    static int integer(JsonNode node, String field, String at, int fallback) {
        JsonNode v = value(node, field);
        if (v == null) return fallback;
        if (v.isIntegralNumber() && v.canConvertToInt()) return v.intValue();
        try {
            return Integer.parseInt(v.asText().strip());
        } catch (NumberFormatException e) {
            throw TariffException.invalid(INVALID, where(at, field) + ": not a whole number: " + v.asText());
        }
    }

    static long longValue(JsonNode node, String field, String at) {
        JsonNode v = value(node, field);
        if (v == null) throw TariffException.invalid(INVALID, where(at, field) + ": missing");
        if (v.isIntegralNumber() && v.canConvertToLong()) return v.longValue();
        try {
            return Long.parseLong(v.asText().strip());
        } catch (NumberFormatException e) {
            throw TariffException.invalid(INVALID, where(at, field) + ": not a whole number: " + v.asText());
        }
    }

    /** An exact amount from a JSON string or number; null when absent and {@code fallback} is null. */
    static BigDecimal money(JsonNode node, String field, String at, BigDecimal fallback) {
        JsonNode v = value(node, field);
        if (v == null) return fallback;
        BigDecimal amount;
        try {
            amount = v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText().strip());
        } catch (NumberFormatException e) {
            throw TariffException.invalid(INVALID, where(at, field) + ": not a number: " + v.asText());
        }
        if (amount.stripTrailingZeros().scale() > MONEY_SCALE)
            throw TariffException.invalid(INVALID, where(at, field) + ": at most " + MONEY_SCALE + " decimals: " + amount.toPlainString());
        if (amount.abs().compareTo(new BigDecimal("999999999999")) > 0)
            throw TariffException.invalid(INVALID, where(at, field) + ": too large: " + amount.toPlainString());
        return normal(amount);
    }

    /** Without padding zeros (0.10 is 0.1), so an amount read from a file equals the same amount read from the store. */
    static BigDecimal normal(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static JsonNode array(JsonNode node, String field, String at) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return NODES.arrayNode();
        if (!v.isArray()) throw TariffException.invalid(INVALID, where(at, field) + ": expected an array");
        return v;
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String name, String at) {
        try {
            return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw TariffException.invalid(INVALID, at + ": unknown value '" + name + "' (one of " + java.util.Arrays.toString(type.getEnumConstants()) + ")");
        }
    }

    /** Digits of the called number, a leading '+' tolerated. */
    static String prefix(String text, String at) {
        String p = text.startsWith("+") ? text.substring(1) : text;
        if (!p.chars().allMatch(c -> c >= '0' && c <= '9')) throw TariffException.invalid(INVALID, at + ": a prefix is digits only: " + text);
        return p;
    }

    static String subscriber(String number) {
        String n = number.strip();
        if (!n.matches("\\+[1-9][0-9]{1,14}")) throw TariffException.invalid(INVALID, "assignments: not an E.164 number: " + number);
        return n;
    }

    /** An instant, or a plain date meaning the start of that day in the tariffs' zone. */
    static Instant activeFrom(String text, ZoneId zone, String at) {
        try {
            if (text.length() == 10) return LocalDate.parse(text).atStartOfDay(zone).toInstant();
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw TariffException.invalid(INVALID, at + ".active_from: not an instant (2026-01-01T05:00:00Z) or date (2026-01-01): " + text);
        }
    }

    static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw TariffException.invalid(INVALID, "zone: unknown time zone: " + text);
        }
    }

    /** "08:00" as minutes of the day; "24:00" is the end of the day. */
    static int minute(String text, String at) {
        if (!text.matches("\\d{1,2}:\\d{2}")) throw TariffException.invalid(INVALID, at + ": not a time HH:MM: " + text);
        int h = Integer.parseInt(text.substring(0, text.indexOf(':')));
        int m = Integer.parseInt(text.substring(text.indexOf(':') + 1));
        if (m > 59 || h * 60 + m > 1440) throw TariffException.invalid(INVALID, at + ": not a time of day: " + text);
        return h * 60 + m;
    }

    private static String where(String at, String field) {
        return at.isEmpty() ? field : at + "." + field;
    }
}
