package dev.switchboard.marketing.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.marketing.BusinessType;
import dev.switchboard.marketing.Tag;
import dev.switchboard.store.Database;
import dev.switchboard.store.Dialect;
import dev.switchboard.store.StoreFixtures;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Saved plans in table marketing_plan on each engine: every field back equal, replace keeps the creation time, list, delete. */
class PlanStoreIT {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void plansSaveReplaceListAndDelete(Dialect dialect) throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-09T10:00:00.123456Z"));
        Clock clock = new Clock() {
            @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now.get(); }
        };
        try (var test = StoreFixtures.fresh(dialect, dir); Database db = test.open()) {
            PlanStore store = new PlanStore(db, clock);
            assertThat(store.list()).isEmpty();
            PlanCriteria full = new PlanCriteria(Set.of(Tag.HEALTH, Tag.PRIVATE), Set.of(BusinessType.TRAVELING), Set.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY),
                    22, 6, "fr", 3, 14);
            Plan travellers = new Plan("Night travellers 2", full);
            assertThat(store.save(travellers)).isTrue();
            assertThat(store.save(new Plan("a-first_one", PlanCriteria.any()))).isTrue();

            StoredPlan back = store.find("Night travellers 2").orElseThrow();
            assertThat(back.plan()).isEqualTo(travellers);
            assertThat(back.plan().criteria().country()).isEqualTo("FR");
            assertThat(back.createdAt()).isEqualTo(Instant.parse("2026-03-09T10:00:00.123Z")).isEqualTo(back.updatedAt());
            assertThat(store.find("night travellers 2")).isEmpty(); // names are case-sensitive
            assertThat(store.list()).extracting(p -> p.plan().name()).containsExactly("Night travellers 2", "a-first_one");

            now.set(Instant.parse("2026-03-10T08:30:00Z"));
            PlanCriteria narrower = new PlanCriteria(Set.of(), Set.of(), Set.of(), null, null, null, 5, 30);
            assertThat(store.save(new Plan("Night travellers 2", narrower))).isFalse();
            StoredPlan replaced = store.find("Night travellers 2").orElseThrow();
            assertThat(replaced.plan().criteria()).isEqualTo(narrower);
            assertThat(replaced.createdAt()).isEqualTo(back.createdAt());
            assertThat(replaced.updatedAt()).isEqualTo(Instant.parse("2026-03-10T08:30:00Z"));
            assertThat(store.list()).hasSize(2);

            assertThat(store.delete("Night travellers 2")).isTrue();
            assertThat(store.delete("Night travellers 2")).isFalse();
            assertThat(store.find("Night travellers 2")).isEmpty();
            assertThat(store.list()).extracting(p -> p.plan().name()).containsExactly("a-first_one");
        }
    }
}
