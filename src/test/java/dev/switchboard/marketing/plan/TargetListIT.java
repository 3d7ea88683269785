package dev.switchboard.marketing.plan;

import static dev.switchboard.marketing.plan.PlanFixture.ALL;
import static dev.switchboard.marketing.plan.PlanFixture.T1;
import static dev.switchboard.marketing.plan.PlanFixture.T2;
import static dev.switchboard.marketing.plan.PlanFixture.T3;
import static dev.switchboard.marketing.plan.PlanFixture.T4;
import static dev.switchboard.marketing.plan.PlanFixture.T5;
import static dev.switchboard.marketing.plan.PlanFixture.T6;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.marketing.BusinessType;
import dev.switchboard.marketing.HistoryTemplates;
import dev.switchboard.marketing.Tag;
import dev.switchboard.store.Database;
import dev.switchboard.store.Dialect;
import dev.switchboard.store.StoreFixtures;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Target lists over the hand-worked week (PlanFixture has the working) on DuckDB and PostgreSQL: each condition, combined, sorted, as CSV. */
class TargetListIT {
    @TempDir Path dir;

    static PlanCriteria criteria(Set<Tag> tags, Set<BusinessType> types, Set<DayOfWeek> days, Integer from, Integer to, String country, int minCalls) {
        return new PlanCriteria(tags, types, days, from, to, country, minCalls, 30);
    }

    static PlanCriteria any() {
        return PlanCriteria.any();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void eachConditionPicksTheHandWorkedPeople(Dialect dialect) throws Exception {
        try (var test = StoreFixtures.fresh(dialect, dir); Database db = test.open()) {
            PlanFixture.store(db);
            TargetList list = new TargetList(new HistoryTemplates(db, PlanFixture.ZONE, "US"), new CountryCallers(db, PlanFixture.ZONE));
            LocalDate from = PlanFixture.FROM, to = PlanFixture.TO;

            assertThat(list.targets(any(), from, to)).containsExactlyElementsOf(ALL);
            // tag OR type
            assertThat(list.targets(criteria(Set.of(Tag.HEALTH), Set.of(BusinessType.TRAVELING), null, null, null, null, 0), from, to))
                    .containsExactly(T1, T2, T5);
            assertThat(list.targets(criteria(Set.of(Tag.PRIVATE), null, null, null, null, null, 0), from, to)).containsExactly(T4);
            assertThat(list.targets(criteria(null, Set.of(BusinessType.FOOD, BusinessType.BANKING), null, null, null, null, 0), from, to))
                    .containsExactly(T3, T6);
            // best weekday
            assertThat(list.targets(criteria(null, null, Set.of(DayOfWeek.MONDAY), null, null, null, 0), from, to)).containsExactly(T1, T6);
            // best hour: a period past midnight (22h to 05h), and a daytime one
            assertThat(list.targets(criteria(null, null, null, 22, 6, null, 0), from, to)).containsExactly(T1, T2);
            assertThat(list.targets(criteria(null, null, null, 9, 13, null, 0), from, to)).containsExactly(T3, T6);
            assertThat(list.targets(criteria(null, null, null, 20, 24, null, 0), from, to)).containsExactly(T1, T5);
            assertThat(list.targets(criteria(null, null, null, 0, 7, null, 0), from, to)).containsExactly(T2);
            // country: a VOICE call to the region in the range (P3's SMS and P5's calls outside the range do not count)
            assertThat(list.targets(criteria(null, null, null, null, null, "FR", 0), from, to)).containsExactly(T1, T2);
            assertThat(list.targets(criteria(Set.of(Tag.HEALTH), null, null, null, null, "FR", 0), from, to)).containsExactly(T1);
            assertThat(list.targets(criteria(null, null, null, null, null, "DE", 3), from, to)).containsExactly(T6);
            assertThat(list.targets(criteria(null, null, null, null, null, "FR", 0), LocalDate.parse("2026-03-09"), LocalDate.parse("2026-03-10")))
                    .extracting(Target::caller).containsExactly(PlanFixture.P5);
            // min calls
            assertThat(list.targets(criteria(null, null, null, null, null, null, 4), from, to)).containsExactly(T3, T6, T2);
            // all at once
            assertThat(list.targets(criteria(Set.of(Tag.HEALTH), Set.of(), Set.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY), 18, 24, null, 1), from, to))
                    .containsExactly(T1, T5);
            // nobody
            assertThat(list.targets(criteria(null, null, Set.of(DayOfWeek.FRIDAY), null, null, null, 0), from, to)).isEmpty();
            assertThat(list.targets(criteria(null, null, null, null, null, "JP", 0), from, to)).isEmpty();
            assertThat(list.targets(criteria(Set.of(Tag.EMERGENCY), null, null, null, null, null, 0), from, to)).isEmpty();
            assertThat(list.targets(any(), LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-30"))).isEmpty();

            // the CSV of a list, exactly
            StringWriter csv = new StringWriter();
            TargetCsv.write(csv, list.targets(criteria(null, null, null, null, null, "DE", 0), from, to));
            assertThat(csv.toString()).isEqualTo("caller,tag,business_type,tag_share,calls,weekday,hour,confidence,zone,zone_guessed\r\n"
                    + "+12125550196,AD,FOOD,0.4000,5,MONDAY,12,0.6000,America/New_York,false\r\n"
                    + "+61412345678,PRIVATE,,1.0000,2,SATURDAY,7,1.0000,America/New_York,true\r\n");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void everyColumnSortsBothWaysWithTiesByCaller(Dialect dialect) throws Exception {
        try (var test = StoreFixtures.fresh(dialect, dir); Database db = test.open()) {
            PlanFixture.store(db);
            List<Target> all = new TargetList(new HistoryTemplates(db, PlanFixture.ZONE, "US"), new CountryCallers(db, PlanFixture.ZONE))
                    .targets(any(), PlanFixture.FROM, PlanFixture.TO);
            assertThat(sorted(all, "calls", true)).containsExactly(T6, T3, T2, T1, T4, T5);
            assertThat(sorted(all, "calls", false)).containsExactly(T5, T4, T1, T3, T2, T6);
            assertThat(sorted(all, "business_type", false)).containsExactly(T3, T6, T1, T5, T2, T4); // no type: last
            assertThat(sorted(all, "business_type", true)).containsExactly(T2, T1, T5, T6, T3, T4);  // last both ways
            assertThat(sorted(all, "weekday", false)).containsExactly(T1, T6, T2, T3, T4, T5);       // Monday first
            assertThat(sorted(all, "confidence", true)).containsExactly(T5, T4, T6, T3, T2, T1);
            assertThat(sorted(all, "hour", false)).containsExactly(T2, T4, T3, T6, T5, T1);
            assertThat(sorted(all, "tag", false)).containsExactly(T6, T2, T3, T1, T5, T4);
            assertThat(sorted(all, "tag_share", true)).containsExactly(T5, T4, T1, T3, T2, T6);
            assertThat(sorted(all, "zone", true)).containsExactly(T1, T3, T6, T4, T2, T5);
            assertThat(sorted(all, "zone_guessed", true)).containsExactly(T4, T1, T3, T6, T2, T5);
            assertThat(sorted(all, "caller", true)).containsExactly(T4, T5, T2, T6, T3, T1);
        }
    }

    static List<Target> sorted(List<Target> rows, String column, boolean descending) {
        return rows.stream().sorted(TargetList.order(column, descending)).toList();
    }
}
