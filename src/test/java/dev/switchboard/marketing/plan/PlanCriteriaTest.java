package dev.switchboard.marketing.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.marketing.BusinessType;
import dev.switchboard.marketing.Tag;
import dev.switchboard.platform.Json;
import java.time.DayOfWeek;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PlanCriteriaTest {
    static PlanCriteria hours(int from, int to) {
        return new PlanCriteria(null, null, null, from, to, null, 0, 30);
    }

    static int[] matching(PlanCriteria c) {
        return IntStream.range(0, 24).filter(c::hourMatches).toArray();
    }

    @Test
    void anHourPeriodIsHalfOpenAndMayRunPastMidnight() {
        assertThat(matching(hours(9, 13))).containsExactly(9, 10, 11, 12);
        assertThat(matching(hours(22, 6))).containsExactly(0, 1, 2, 3, 4, 5, 22, 23);
        assertThat(matching(hours(18, 24))).containsExactly(18, 19, 20, 21, 22, 23);
        assertThat(matching(hours(18, 0))).containsExactly(18, 19, 20, 21, 22, 23);
        assertThat(matching(hours(23, 1))).containsExactly(0, 23);
        assertThat(matching(PlanCriteria.any())).hasSize(24);
        assertThatThrownBy(() -> hours(0, 24)).hasMessageContaining("the same hour");
        assertThatThrownBy(() -> hours(5, 5)).hasMessageContaining("the same hour");
    }

    @Test
    void tagsAndTypesCombineWithOr() {
        PlanCriteria c = new PlanCriteria(Set.of(Tag.HEALTH), Set.of(BusinessType.TRAVELING), null, null, null, null, 0, 30);
        assertThat(c.businessMatches(Tag.HEALTH, BusinessType.CLINIC)).isTrue();
        assertThat(c.businessMatches(Tag.AD, BusinessType.TRAVELING)).isTrue();
        assertThat(c.businessMatches(Tag.AD, BusinessType.FOOD)).isFalse();
        assertThat(c.businessMatches(Tag.PRIVATE, null)).isFalse();
        assertThat(PlanCriteria.any().businessMatches(Tag.PRIVATE, null)).isTrue();
        assertThat(new PlanCriteria(Set.of(Tag.PRIVATE), null, null, null, null, null, 0, 30).businessMatches(Tag.PRIVATE, null)).isTrue();
    }

    @Test
    void theJsonFormReadsBackEqualAndAcceptsLabelsAndShortDays() throws Exception {
        PlanCriteria c = new PlanCriteria(Set.of(Tag.AD, Tag.HEALTH), Set.of(BusinessType.DRESS_CODE), Set.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY), 22, 6,
                "fr", 2, 14);
        String json = Json.write(c.toJson());
        assertThat(json).isEqualTo("{\"tags\":[\"HEALTH\",\"AD\"],\"business_types\":[\"DRESS_CODE\"],\"weekdays\":[\"MONDAY\",\"SUNDAY\"],"
                + "\"from_hour\":22,\"to_hour\":6,\"country\":\"FR\",\"min_calls\":2,\"days\":14}");
        assertThat(PlanCriteria.fromJson(Json.MAPPER.readTree(json))).isEqualTo(c);
        assertThat(PlanCriteria.fromJson(Json.MAPPER.readTree("{\"tags\":[\"health\",\"Ad\"],\"business_types\":[\"Dress code\"],"
                + "\"weekdays\":[\"mon\",\"Sunday\"],\"from_hour\":22,\"to_hour\":6,\"country\":\" fr \",\"min_calls\":2,\"days\":14}"))).isEqualTo(c);
        assertThat(PlanCriteria.fromJson(Json.MAPPER.readTree("{}"))).isEqualTo(PlanCriteria.any());
        assertThat(PlanCriteria.fromJson(Json.MAPPER.readTree("{\"country\":\"\",\"tags\":null}"))).isEqualTo(PlanCriteria.any());
    }

    @Test
    void namesAreCheckedAgainstTheirPattern() {
        assertThat(new Plan("Night travellers-2_b", PlanCriteria.any()).name()).isEqualTo("Night travellers-2_b");
        assertThat(new Plan("x", PlanCriteria.any()).name()).isEqualTo("x");
        assertThat(new Plan("a".repeat(64), PlanCriteria.any()).name()).hasSize(64);
        for (String bad : new String[] {"", " a", "a ", "a".repeat(65), "a/b", "é", "a\nb"})
            assertThatThrownBy(() -> new Plan(bad, PlanCriteria.any())).as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name must be");
    }
}
