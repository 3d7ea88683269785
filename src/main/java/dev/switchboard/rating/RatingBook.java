package dev.switchboard.rating;

import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link Tariffs} compiled for rating: one {@link PrefixIndex} per plan version, built once here and
 * then only read, so one book serves any number of threads.
 */
public final class RatingBook {
    private record Key(String planId, int version) {}

    private final Tariffs tariffs;
    private final Map<Key, PrefixIndex> indexes;

    public RatingBook(Tariffs tariffs) {
        this.tariffs = Objects.requireNonNull(tariffs, "tariffs");
        Map<Key, PrefixIndex> built = new HashMap<>();
        for (List<PlanVersion> versions : tariffs.plans().values())
            for (PlanVersion v : versions)
                if (built.put(new Key(v.planId(), v.version()), PrefixIndex.of(v.rates())) != null)
                    throw new IllegalArgumentException("plan " + v.planId() + " has version " + v.version() + " twice");
        this.indexes = Map.copyOf(built);
    }

    public Tariffs tariffs() {
        return tariffs;
    }

    /** The index of a version of these tariffs (looked up by plan id and version number). */
    public PrefixIndex index(PlanVersion version) {
        PrefixIndex index = indexes.get(new Key(version.planId(), version.version()));
        if (index == null) throw new IllegalArgumentException("plan " + version.planId() + " v" + version.version() + " is not in this book");
        return index;
    }

    public Optional<PlanVersion> version(String planId, int version) {
        return tariffs.plans().getOrDefault(planId, List.of()).stream().filter(v -> v.version() == version).findFirst();
    }

    /** The billing period an instant falls in: the calendar month in the tariffs' zone. */
    public YearMonth periodOf(Instant at) {
        return YearMonth.from(at.atZone(tariffs.zone()));
    }
}
