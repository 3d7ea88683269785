package dev.switchboard.marketing.live;

import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.NumberPlaces;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Adds each voice CDR to its local date's aggregates (see {@link MarketingStores}). The window is
 * {@code days} local dates up to the latest one seen by this task: a CDR of an earlier date is not
 * counted, and when the latest date moves on, the dates that fall out are deleted from every store.
 */
final class MarketingProcessor implements FixedKeyProcessor<String, Cdr, Void> {
    private final CallFacts facts;
    private final String homeRegion;
    private final int days;
    private KeyValueStore<String, Totals> hours, business, countries;
    private KeyValueStore<String, PersonDay> people;
    private KeyValueStore<String, Long> latestStore;
    private long latest = Long.MIN_VALUE;
    private long keyDay = Long.MIN_VALUE;
    private String keyDate;

    MarketingProcessor(CallFacts facts, String homeRegion, int days) {
        this.facts = facts;
        this.homeRegion = homeRegion;
        this.days = days;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Void> context) {
        hours = context.getStateStore(MarketingStores.HOURS);
        business = context.getStateStore(MarketingStores.BUSINESS);
        countries = context.getStateStore(MarketingStores.COUNTRIES);
        people = context.getStateStore(MarketingStores.PEOPLE);
        latestStore = context.getStateStore(MarketingStores.LATEST);
        Long stored = latestStore.get(MarketingStores.LATEST_KEY);
        if (stored != null) latest = stored;
    }

    @Override
    public void process(FixedKeyRecord<String, Cdr> record) {
        Cdr cdr = record.value();
        if (cdr == null) return;
        CallFacts.Facts f = facts.of(cdr);
        if (f == null) return;
        if (latest != Long.MIN_VALUE && f.day() <= latest - days) return; // out of the window
        if (f.day() > latest) moveTo(f.day());
        String date = date(f.day());
        add(hours, date + (f.hour() < 10 ? "|0" : "|") + f.hour(), f.seconds());
        String type = f.type() == null ? "" : f.type().name();
        String tag = f.type() == null ? "PRIVATE" : f.type().tag().name();
        add(business, date + '|' + tag + '|' + type, f.seconds());
        if (!f.region().equals(NumberPlaces.UNKNOWN_REGION) && !f.region().equals(homeRegion))
            add(countries, date + '|' + f.region() + '|' + f.countryCode(), f.seconds());
        String key = date + '|' + cdr.callingNumber();
        PersonDay p = people.get(key);
        if (p == null) p = new PersonDay();
        p.addType(PersonDay.code(f.type()), 1, f.seconds());
        p.addSlot(f.slot(), 1);
        people.put(key, p);
    }

    private static void add(KeyValueStore<String, Totals> store, String key, long seconds) {
        Totals t = store.get(key);
        store.put(key, (t == null ? Totals.ZERO : t).plus(1, seconds));
    }

    /** The date as key text, made once a day rather than once a CDR. */
    private String date(long day) {
        if (day != keyDay) {
            keyDate = LocalDate.ofEpochDay(day).toString();
            keyDay = day;
        }
        return keyDate;
    }

    /** A new latest date: remembered, and the dates now out of the window deleted. */
    private void moveTo(long day) {
        latest = day;
        latestStore.put(MarketingStores.LATEST_KEY, day);
        String firstKept = MarketingStores.from(LocalDate.ofEpochDay(day - days + 1));
        drop(hours, firstKept);
        drop(business, firstKept);
        drop(countries, firstKept);
        drop(people, firstKept);
    }

    private static <V> void drop(KeyValueStore<String, V> store, String before) {
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, V> it = store.range(null, before)) {
            while (it.hasNext()) {
                String key = it.next().key;
                if (key.compareTo(before) < 0) old.add(key);
            }
        }
        for (String key : old) store.delete(key);
    }
}
