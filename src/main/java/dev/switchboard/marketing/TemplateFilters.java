package dev.switchboard.marketing;

import dev.switchboard.marketing.TemplateRows.BestTime;
import dev.switchboard.marketing.TemplateRows.Business;
import dev.switchboard.marketing.TemplateRows.Country;
import dev.switchboard.marketing.TemplateRows.Duration;
import dev.switchboard.marketing.TemplateRows.PersonTag;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The filters, orders and paging of the five templates once their rows are counted: shared by the
 * history ({@link HistoryTemplates}) and the live view, so the two cannot differ there.
 */
public final class TemplateFilters {
    private TemplateFilters() {}

    /** Template 0: by date, then hour (a missing one first). */
    public static List<Duration> duration(List<Duration> rows) {
        return rows.stream().sorted(Comparator.comparing(Duration::date, Comparator.nullsFirst(Comparator.<java.time.LocalDate>naturalOrder()))
                .thenComparing(Duration::hour, Comparator.nullsFirst(Comparator.<Integer>naturalOrder()))).toList();
    }

    /** Template 1: the query's tag and type, by tag then type (none first). */
    public static List<Business> business(List<Business> rows, TemplateQuery q) {
        return rows.stream().filter(b -> (q.tag() == null || q.tag().equalsIgnoreCase(b.tag()))
                        && (q.type() == null || q.type().equalsIgnoreCase(b.businessType())))
                .sorted(Comparator.comparing(Business::tag).thenComparing(Business::businessType, Comparator.nullsFirst(Comparator.<String>naturalOrder())))
                .toList();
    }

    /** Template 2: at least min calls, the query's caller, tag and type; by caller, paged. */
    public static List<PersonTag> personTags(List<PersonTag> rows, TemplateQuery q) {
        return page(rows.stream().filter(p -> p.calls() >= q.minCalls() && (q.caller() == null || q.caller().equals(p.caller()))
                && (q.tag() == null || q.tag().equalsIgnoreCase(p.tag())) && (q.type() == null || q.type().equalsIgnoreCase(p.businessType())))
                .sorted(Comparator.comparing(PersonTag::caller)).toList(), q);
    }

    /** Template 3: the query's region; most calls first, then by region. */
    public static List<Country> countries(List<Country> rows, TemplateQuery q) {
        return rows.stream().filter(c -> q.region() == null || q.region().equalsIgnoreCase(c.region()))
                .sorted(Comparator.comparingLong(Country::calls).reversed().thenComparing(Country::region)).toList();
    }

    /** Template 4: at least min calls, the query's caller; by caller, paged. */
    public static List<BestTime> bestTimes(List<BestTime> rows, TemplateQuery q) {
        return page(rows.stream().filter(b -> b.calls() >= q.minCalls() && (q.caller() == null || q.caller().equals(b.caller())))
                .sorted(Comparator.comparing(BestTime::caller)).toList(), q);
    }

    /** The English name of a region (ISO 3166 code). */
    public static String countryName(String region) {
        return new Locale("", region).getDisplayCountry(Locale.ENGLISH);
    }

    private static <T> List<T> page(List<T> sorted, TemplateQuery q) {
        if (q.offset() >= sorted.size()) return List.of();
        return sorted.subList(q.offset(), Math.min(sorted.size(), q.offset() + q.limit()));
    }
}
