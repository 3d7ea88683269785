package dev.switchboard.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.generate.SubscriberBase;
import dev.switchboard.store.Database;
import dev.switchboard.store.Dialect;
import dev.switchboard.store.StoreFixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The business directory in the SQL store on each engine: import (replace, merge), one-entry changes, paging, and 100,000 entries in seconds. */
class DirectoryStoreIT {
    static final List<DirectoryEntry> DEFAULT_US = SubscriberBase.create("US", 10, SubscriberBase.DEFAULT_SEED).businesses().entries();
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void anImportedDirectoryLoadsBackEqualAndReplaceAndMergeDoWhatTheySay(Dialect dialect) throws Exception {
        try (var test = StoreFixtures.fresh(dialect, dir); Database db = test.open()) {
            DirectoryStore store = new DirectoryStore(db);
            AtomicInteger changes = new AtomicInteger();
            store.onChange(changes::incrementAndGet);
            assertThat(store.isEmpty()).isTrue();
            assertThat(store.load()).isEqualTo(BusinessDirectory.EMPTY);
            assertThat(store.seedIfEmpty(() -> DEFAULT_US)).isTrue();
            assertThat(store.seedIfEmpty(() -> { throw new AssertionError("not empty"); })).isFalse();
            assertThat(store.load()).isEqualTo(BusinessDirectory.of(DEFAULT_US));

            List<DirectoryEntry> more = List.of(new DirectoryEntry(DEFAULT_US.get(0).prefix(), BusinessType.JOB, "renamed"),
                    new DirectoryEntry("+1900", BusinessType.BUSINESS, null));
            assertThat(store.importEntries(more, DirectoryStore.Mode.MERGE)).isEqualTo(DEFAULT_US.size() + 1);
            BusinessDirectory merged = store.load();
            assertThat(merged.find(DEFAULT_US.get(0).prefix()).orElseThrow().type()).isEqualTo(BusinessType.JOB);
            assertThat(merged.find(DEFAULT_US.get(1).prefix())).contains(DEFAULT_US.get(1));
            assertThat(merged.find("+19005550123").orElseThrow().name()).isNull();

            assertThat(store.importEntries(more, DirectoryStore.Mode.REPLACE)).isEqualTo(2);
            assertThat(store.load()).isEqualTo(BusinessDirectory.of(more));
            assertThatThrownBy(() -> store.importEntries(List.of(more.get(1), more.get(1)), DirectoryStore.Mode.REPLACE))
                    .isInstanceOf(DirectoryException.class);
            assertThat(store.load()).isEqualTo(BusinessDirectory.of(more));
            assertThat(changes.get()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void oneEntryChangesAndPagesByTypeAndTag(Dialect dialect) throws Exception {
        try (var test = StoreFixtures.fresh(dialect, dir); Database db = test.open()) {
            DirectoryStore store = new DirectoryStore(db);
            store.importEntries(DEFAULT_US, DirectoryStore.Mode.REPLACE);
            DirectoryEntry pizza = new DirectoryEntry("+12015550100", BusinessType.FOOD, "Corner Pizza");
            assertThat(store.upsert(pizza)).isTrue();
            assertThat(store.upsert(new DirectoryEntry("+12015550100", BusinessType.FOOD, "Corner Pizza & Grill"))).isFalse();
            assertThat(store.load().find("+12015550100").orElseThrow().name()).isEqualTo("Corner Pizza & Grill");
            assertThat(store.delete("+12015550100")).isTrue();
            assertThat(store.delete("+12015550100")).isFalse();

            long food = DEFAULT_US.stream().filter(e -> e.type() == BusinessType.FOOD).count();
            DirectoryStore.Page page = store.page(BusinessType.FOOD, null, 0, 10);
            assertThat(page.total()).isEqualTo(food);
            assertThat(page.entries()).hasSize(10).allSatisfy(e -> assertThat(e.type()).isEqualTo(BusinessType.FOOD));
            DirectoryStore.Page next = store.page(BusinessType.FOOD, null, 10, 10);
            assertThat(next.entries().get(0).prefix()).isGreaterThan(page.entries().get(9).prefix());
            assertThat(store.page(null, Tag.HEALTH, 0, 1000).entries()).extracting(DirectoryEntry::type)
                    .containsOnly(BusinessType.HOSPITAL, BusinessType.CLINIC);
            assertThat(store.page(BusinessType.HOSPITAL, Tag.AD, 0, 10).total()).isZero();
            assertThat(store.page(null, null, 0, 100_000).total()).isEqualTo(DEFAULT_US.size());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aHundredThousandEntriesGoInAndOutInSeconds(Dialect dialect) throws Exception {
        List<DirectoryEntry> big = new ArrayList<>();
        BusinessType[] types = BusinessType.values();
        for (int i = 0; i < 100_000; i++) big.add(new DirectoryEntry("+1201" + (5_000_000 + i), types[i % types.length], i % 3 == 0 ? null : "shop " + i));
        try (var test = StoreFixtures.fresh(dialect, dir); Database db = test.open()) {
            DirectoryStore store = new DirectoryStore(db);
            long t0 = System.nanoTime();
            store.importEntries(big, DirectoryStore.Mode.REPLACE);
            long t1 = System.nanoTime();
            BusinessDirectory loaded = store.load();
            long t2 = System.nanoTime();
            store.importEntries(List.of(new DirectoryEntry("+1", BusinessType.EMERGENCY, null)), DirectoryStore.Mode.MERGE);
            long t3 = System.nanoTime();
            System.out.printf("%s: 100,000 directory entries replaced in %d ms, loaded in %d ms, merged one in %d ms%n", dialect,
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
            assertThat(loaded).isEqualTo(BusinessDirectory.of(big));
            assertThat(store.load().size()).isEqualTo(100_001);
            assertThat((t1 - t0) / 1e9).isLessThan(20.0);
        }
    }
}
