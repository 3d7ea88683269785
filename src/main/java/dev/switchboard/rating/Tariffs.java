package dev.switchboard.rating;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every plan with all its versions, which plan each subscriber is on, and the default plan for
 * everyone else. {@code zone} is the subscribers' zone for time bands and billing periods.
 */
public record Tariffs(Map<String, List<PlanVersion>> plans, Map<String, String> assignments, String defaultPlan, ZoneId zone) {
    public Tariffs {
        Map<String, List<PlanVersion>> sorted = new HashMap<>();
        plans.forEach((id, versions) -> {
            List<PlanVersion> copy = new ArrayList<>(versions);
            copy.sort(Comparator.comparing(PlanVersion::activeFrom));
            sorted.put(id, List.copyOf(copy));
        });
        plans = Map.copyOf(sorted);
        assignments = Map.copyOf(assignments);
        Objects.requireNonNull(defaultPlan, "default_plan");
        Objects.requireNonNull(zone, "zone");
        if (!plans.containsKey(defaultPlan)) throw new IllegalArgumentException("default plan " + defaultPlan + " is not defined");
        for (var a : assignments.entrySet())
            if (!plans.containsKey(a.getValue())) throw new IllegalArgumentException("subscriber " + a.getKey() + " is on unknown plan " + a.getValue());
    }

    public String planOf(String subscriber) {
        return assignments.getOrDefault(subscriber, defaultPlan);
    }

    /** The version of the plan in force at {@code at}: the latest activated at or before it. */
    public Optional<PlanVersion> versionAt(String planId, Instant at) {
        PlanVersion found = null;
        for (PlanVersion v : plans.getOrDefault(planId, List.of())) {
            if (v.activeFrom().isAfter(at)) break;
            found = v;
        }
        return Optional.ofNullable(found);
    }
}
