package dev.switchboard.marketing.plan;

import dev.switchboard.marketing.BusinessType;
import dev.switchboard.marketing.Tag;
import dev.switchboard.marketing.TemplateQuery;
import dev.switchboard.marketing.TemplateRows.BestTime;
import dev.switchboard.marketing.TemplateRows.PersonTag;
import dev.switchboard.marketing.Templates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The people a {@link PlanCriteria} picks over a date range, composed from the templates: each caller's
 * template-2 row (tag, type) joined by caller to their template-4 row (best weekday and hour), kept when
 * every condition holds. The country condition asks {@link RegionCallers} who called that region.
 */
public final class TargetList {
    /** The callers who made at least one call to a number of {@code region} in the local dates {@code from}..{@code to}. */
    public interface RegionCallers {
        Set<String> of(String region, LocalDate from, LocalDate to);
    }

    /** The columns a list sorts by; nulls come last both ways, ties go by caller ascending. */
    static final Map<String, Function<Target, Comparable<?>>> COLUMNS = columns();

    private final Templates templates;
    private final RegionCallers regions;

    public TargetList(Templates templates, RegionCallers regions) {
        this.templates = templates;
        this.regions = regions;
    }

    /** Every target of the range, ordered by caller. */
    public List<Target> targets(PlanCriteria c, LocalDate from, LocalDate to) {
        Set<String> inRegion = c.country() == null ? null : regions.of(c.country(), from, to);
        if (inRegion != null && inRegion.isEmpty()) return List.of();
        Map<String, BestTime> best = new HashMap<>();
        for (BestTime b : all(from, to, c.minCalls(), templates::bestTimes))
            if (inRegion == null || inRegion.contains(b.caller())) best.put(b.caller(), b);
        List<Target> out = new ArrayList<>();
        for (PersonTag p : all(from, to, c.minCalls(), templates::personTags)) {
            BestTime b = best.get(p.caller());
            if (b == null) continue; // not in the region (both templates have every caller of the range)
            BusinessType type = p.businessType() == null ? null : BusinessType.valueOf(p.businessType());
            if (!c.businessMatches(Tag.valueOf(p.tag()), type) || !c.weekdayMatches(b.weekday()) || !c.hourMatches(b.hour())) continue;
            out.add(new Target(p.caller(), p.tag(), p.businessType(), p.tagShare(), p.calls(), b.weekday(), b.hour(), b.confidence(), b.zone(),
                    b.zoneGuessed()));
        }
        return out;
    }

    /** A per-person template's rows of the range, every page (they come ordered by caller). */
    private static <T> List<T> all(LocalDate from, LocalDate to, int minCalls, Function<TemplateQuery, List<T>> template) {
        List<T> out = new ArrayList<>();
        for (int offset = 0; ; offset += TemplateQuery.MAX_LIMIT) {
            List<T> page = template.apply(new TemplateQuery(from, to, null, null, null, null, null, minCalls, TemplateQuery.MAX_LIMIT, offset));
            out.addAll(page);
            if (page.size() < TemplateQuery.MAX_LIMIT) return out;
        }
    }

    /** The order of a column ({@link #COLUMNS}), ascending or descending, nulls last, then by caller ascending. */
    public static Comparator<Target> order(String column, boolean descending) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Function<Target, Comparable> key = (Function) COLUMNS.get(column);
        if (key == null) throw new IllegalArgumentException("sort must be one of " + COLUMNS.keySet() + ", got '" + column + "'");
        Comparator<Target> byColumn = (a, b) -> {
            @SuppressWarnings("unchecked")
            Comparable<Object> x = key.apply(a), y = key.apply(b);
            if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1;
            int n = x.compareTo(y);
            return descending ? -n : n;
        };
        return byColumn.thenComparing(Target::caller);
    }

    private static Map<String, Function<Target, Comparable<?>>> columns() {
        Map<String, Function<Target, Comparable<?>>> m = new LinkedHashMap<>();
        m.put("caller", Target::caller);
        m.put("tag", Target::tag);
        m.put("business_type", Target::businessType);
        m.put("tag_share", Target::tagShare);
        m.put("calls", Target::calls);
        m.put("weekday", Target::weekday);
        m.put("hour", Target::hour);
        m.put("confidence", Target::confidence);
        m.put("zone", Target::zone);
        m.put("zone_guessed", Target::zoneGuessed);
        return Collections.unmodifiableMap(m);
    }
}
