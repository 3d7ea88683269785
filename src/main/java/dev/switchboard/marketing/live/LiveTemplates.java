package dev.switchboard.marketing.live;

import dev.switchboard.cdr.NumberPlaces;
import dev.switchboard.marketing.BusinessType;
import dev.switchboard.marketing.Tag;
import dev.switchboard.marketing.TemplateFilters;
import dev.switchboard.marketing.Templates;
import dev.switchboard.marketing.TemplateQuery;
import dev.switchboard.marketing.TemplateRows;
import dev.switchboard.marketing.TemplateRows.BestTime;
import dev.switchboard.marketing.TemplateRows.Business;
import dev.switchboard.marketing.TemplateRows.Country;
import dev.switchboard.marketing.TemplateRows.Duration;
import dev.switchboard.marketing.TemplateRows.PersonTag;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The five marketing templates from the live stores of {@link MarketingTopology}: the same rows as
 * {@link dev.switchboard.marketing.HistoryTemplates} for the same CDRs and directory, over the dates the
 * window holds ({@link #firstDate()} to {@link #latestDate()}; dates of a query outside it have no calls
 * here). A store may be the union of several partitions' stores (the running instance's), whose keys
 * repeat for a date: every read sums what it finds. Read-only; safe from any thread.
 */
public final class LiveTemplates implements Templates {
    /** Where the stores are read: the running Streams instance (all its local partitions), or a test driver. */
    @FunctionalInterface
    public interface StoreLookup {
        <V> ReadOnlyKeyValueStore<String, V> store(String name);
    }

    private final StoreLookup stores;
    private final MarketingTopology.Rules rules;
    private final NumberPlaces places;

    public LiveTemplates(StoreLookup stores, MarketingTopology.Rules rules) {
        this.stores = stores;
        this.rules = rules;
        this.places = new NumberPlaces(rules.zone());
    }

    /** Over the local stores of a running instance. */
    public static LiveTemplates of(KafkaStreams streams, MarketingTopology.Rules rules) {
        return new LiveTemplates(new StoreLookup() {
            @Override
            public <V> ReadOnlyKeyValueStore<String, V> store(String name) {
                return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
            }
        }, rules);
    }

    /** The latest local date of a voice CDR seen (of any partition); empty before the first. */
    public Optional<LocalDate> latestDate() {
        long latest = Long.MIN_VALUE;
        try (KeyValueIterator<String, Long> it = stores.<Long>store(MarketingStores.LATEST).all()) {
            while (it.hasNext()) latest = Math.max(latest, it.next().value);
        }
        return latest == Long.MIN_VALUE ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(latest));
    }

    /** The first local date the window holds: {@code days − 1} before the latest. */
    public Optional<LocalDate> firstDate() {
        return latestDate().map(d -> d.minusDays(rules.days() - 1));
    }

    /** Template 0. */
    @Override
    public List<Duration> duration(TemplateQuery q) {
        Map<Duration, Totals> sums = new HashMap<>();
        totals(MarketingStores.HOURS, q, (key, t) -> {
            LocalDate date = LocalDate.parse(key.substring(0, 10));
            int hour = Integer.parseInt(key.substring(11));
            Duration group = new Duration(q.group().equals("hour") ? null : date, q.group().equals("day") ? null : hour, 0, 0);
            sums.merge(group, t, Totals::plus);
        });
        List<Duration> rows = new ArrayList<>();
        sums.forEach((g, t) -> rows.add(new Duration(g.date(), g.hour(), t.calls(), t.seconds())));
        return TemplateFilters.duration(rows);
    }

    /** Template 1. */
    @Override
    public List<Business> business(TemplateQuery q) {
        Map<String, Totals> sums = new HashMap<>();
        totals(MarketingStores.BUSINESS, q, (key, t) -> sums.merge(key.substring(11), t, Totals::plus));
        List<Business> rows = new ArrayList<>();
        sums.forEach((tagType, t) -> {
            int bar = tagType.indexOf('|');
            String type = tagType.substring(bar + 1);
            rows.add(new Business(tagType.substring(0, bar), type.isEmpty() ? null : type, t.calls(), t.seconds()));
        });
        return TemplateFilters.business(rows, q);
    }

    /** Template 3. */
    @Override
    public List<Country> countries(TemplateQuery q) {
        Map<String, Totals> sums = new HashMap<>();
        totals(MarketingStores.COUNTRIES, q, (key, t) -> sums.merge(key.substring(11), t, Totals::plus));
        List<Country> rows = new ArrayList<>();
        sums.forEach((regionCc, t) -> {
            int bar = regionCc.indexOf('|');
            String region = regionCc.substring(0, bar);
            if (region.equals(rules.homeRegion()) || region.equals(NumberPlaces.UNKNOWN_REGION)) return;
            rows.add(new Country(Integer.parseInt(regionCc.substring(bar + 1)), region, TemplateFilters.countryName(region), t.calls(), t.seconds()));
        });
        return TemplateFilters.countries(rows, q);
    }

    /** Template 2. */
    @Override
    public List<PersonTag> personTags(TemplateQuery q) {
        List<PersonTag> rows = new ArrayList<>();
        people(q).forEach((caller, p) -> rows.add(personTag(caller, p)));
        return TemplateFilters.personTags(rows, q);
    }

    /** Template 4. */
    @Override
    public List<BestTime> bestTimes(TemplateQuery q) {
        List<BestTime> rows = new ArrayList<>();
        people(q).forEach((caller, p) -> rows.add(bestTime(caller, p)));
        return TemplateFilters.bestTimes(rows, q);
    }

    /**
     * The most called tag (not PRIVATE while any other is called) and the most called type (none when
     * only private numbers were called); ties: more seconds, then the name. Shares of all the calls.
     */
    private static PersonTag personTag(String caller, PersonDay p) {
        long[] tagCalls = new long[Tag.values().length], tagSeconds = new long[Tag.values().length];
        long calls = 0;
        BusinessType bestType = null;
        long typeCalls = 0, typeSeconds = 0;
        for (int i = 0; i < p.types(); i++) {
            BusinessType type = PersonDay.type(p.typeCode(i));
            Tag tag = type == null ? Tag.PRIVATE : type.tag();
            tagCalls[tag.ordinal()] += p.typeCalls(i);
            tagSeconds[tag.ordinal()] += p.typeSeconds(i);
            calls += p.typeCalls(i);
            if (type != null && beats(p.typeCalls(i), p.typeSeconds(i), type.name(), typeCalls, typeSeconds, bestType == null ? null : bestType.name())) {
                bestType = type;
                typeCalls = p.typeCalls(i);
                typeSeconds = p.typeSeconds(i);
            }
        }
        Tag bestTag = null;
        for (Tag tag : Tag.values()) {
            long n = tagCalls[tag.ordinal()];
            if (n == 0 || tag == Tag.PRIVATE) continue;
            if (bestTag == null || beats(n, tagSeconds[tag.ordinal()], tag.name(), tagCalls[bestTag.ordinal()], tagSeconds[bestTag.ordinal()], bestTag.name()))
                bestTag = tag;
        }
        if (bestTag == null) bestTag = Tag.PRIVATE;
        long tagN = tagCalls[bestTag.ordinal()];
        return new PersonTag(caller, bestTag.name(), tagN, TemplateRows.share(tagN, calls), bestType == null ? null : bestType.name(), typeCalls,
                TemplateRows.share(typeCalls, calls), calls);
    }

    /** More calls, then more seconds, then the name first in order. */
    private static boolean beats(long calls, long seconds, String name, long bestCalls, long bestSeconds, String bestName) {
        if (bestName == null) return true;
        if (calls != bestCalls) return calls > bestCalls;
        if (seconds != bestSeconds) return seconds > bestSeconds;
        return name.compareTo(bestName) < 0;
    }

    /** The slot with most calls; ties: the earlier weekday, then the earlier hour (the lower slot). */
    private BestTime bestTime(String caller, PersonDay p) {
        int best = -1;
        long bestCalls = 0, calls = 0;
        for (int i = 0; i < p.slots(); i++) {
            calls += p.slotCalls(i);
            if (p.slotCalls(i) > bestCalls || (p.slotCalls(i) == bestCalls && p.slot(i) < best)) {
                best = p.slot(i);
                bestCalls = p.slotCalls(i);
            }
        }
        NumberPlaces.Place place = places.of(caller);
        return new BestTime(caller, place.zone().getId(), place.zoneGuessed(), DayOfWeek.of(best / 24 + 1), best % 24, bestCalls, calls,
                TemplateRows.share(bestCalls, calls));
    }

    /** Each caller's days of the range, merged; only the query's caller when it names one. */
    private Map<String, PersonDay> people(TemplateQuery q) {
        Map<String, PersonDay> byCaller = new HashMap<>();
        LocalDate[] range = range(q);
        if (range == null) return byCaller;
        ReadOnlyKeyValueStore<String, PersonDay> store = stores.store(MarketingStores.PEOPLE);
        BiConsumer<String, PersonDay> add = (caller, day) -> byCaller.computeIfAbsent(caller, c -> new PersonDay()).merge(day);
        if (q.caller() != null) {
            for (LocalDate d = range[0]; !d.isAfter(range[1]); d = d.plusDays(1)) {
                PersonDay day = store.get(d + "|" + q.caller());
                if (day != null) add.accept(q.caller(), day);
            }
            return byCaller;
        }
        try (KeyValueIterator<String, PersonDay> it = store.range(MarketingStores.from(range[0]), MarketingStores.to(range[1]))) {
            while (it.hasNext()) {
                var kv = it.next();
                add.accept(kv.key.substring(11), kv.value);
            }
        }
        return byCaller;
    }

    /** Every key of a date-keyed totals store within the query's dates (repeated keys of several partitions each). */
    private void totals(String name, TemplateQuery q, BiConsumer<String, Totals> each) {
        LocalDate[] range = range(q);
        if (range == null) return;
        try (KeyValueIterator<String, Totals> it = stores.<Totals>store(name).range(MarketingStores.from(range[0]), MarketingStores.to(range[1]))) {
            while (it.hasNext()) {
                var kv = it.next();
                each.accept(kv.key, kv.value);
            }
        }
    }

    /** The query's dates cut to the window; null when none is in it. */
    private LocalDate[] range(TemplateQuery q) {
        Optional<LocalDate> first = firstDate();
        if (first.isEmpty()) return null;
        LocalDate from = q.from().isBefore(first.get()) ? first.get() : q.from();
        return from.isAfter(q.to()) ? null : new LocalDate[] {from, q.to()};
    }
}
