package dev.switchboard.marketing.live;

import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Names, keys and builders of the live templates' state stores. Every key starts with the local date
 * ({@code 2026-03-02|…}, ISO, so keys sort by date and a range of dates is a range of keys):
 * <ul>
 * <li>{@link #HOURS} {@code date|HH} → {@link Totals}</li>
 * <li>{@link #BUSINESS} {@code date|TAG|TYPE} (TYPE empty for a private number) → {@link Totals}</li>
 * <li>{@link #COUNTRIES} {@code date|REGION|cc} (international calls only) → {@link Totals}</li>
 * <li>{@link #PEOPLE} {@code date|caller} → {@link PersonDay}</li>
 * <li>{@link #LATEST} {@code latest} → the latest local date seen (epoch day), one per task</li>
 * </ul>
 * The stores are per partition: the same date key is in each partition's store, and a reader sums them.
 */
public final class MarketingStores {
    public static final String HOURS = "mkt-hours";
    public static final String BUSINESS = "mkt-business";
    public static final String COUNTRIES = "mkt-countries";
    public static final String PEOPLE = "mkt-people";
    public static final String LATEST = "mkt-latest";
    static final List<String> BY_DATE = List.of(HOURS, BUSINESS, COUNTRIES, PEOPLE);
    public static final List<String> ALL = List.of(HOURS, BUSINESS, COUNTRIES, PEOPLE, LATEST);
    static final String LATEST_KEY = "latest";

    private MarketingStores() {}

    static List<StoreBuilder<?>> builders() {
        return List.of(kv(HOURS, Totals.SERDE), kv(BUSINESS, Totals.SERDE), kv(COUNTRIES, Totals.SERDE), kv(PEOPLE, PersonDay.SERDE),
                kv(LATEST, Serdes.Long()));
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> kv(String name, Serde<V> values) {
        // Cached: today's keys change with nearly every CDR; the cache writes each to RocksDB and the
        // changelog once per commit instead of once per change.
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values).withCachingEnabled();
    }

    /** The first key of a date (inclusive). */
    static String from(LocalDate date) {
        return date + "|";
    }

    /** The last key of a date (inclusive): '~' sorts after every character of a key's tail. */
    static String to(LocalDate date) {
        return date + "|~";
    }
}
