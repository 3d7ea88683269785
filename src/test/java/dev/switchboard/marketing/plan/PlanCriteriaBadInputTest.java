package dev.switchboard.marketing.plan;

import static dev.switchboard.badinput.BadInputs.within;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.badinput.BadInputs;
import dev.switchboard.platform.Json;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The bad-input campaign on marketing plan criteria as POST /api/marketing/plans and /targets read them:
 * the body text is parsed as the route does, then the criteria; criteria that keep their bounds, or an
 * IllegalArgumentException (a 400); nothing else escapes.
 */
class PlanCriteriaBadInputTest {
    @Property
    void criteriaAreReadOrRefused(@ForAll("bodies") String body) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body.isBlank() ? "{}" : body);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            Statistics.label("outcome").collect("not JSON");
            return;
        }
        try {
            PlanCriteria c = within(() -> PlanCriteria.fromJson(node));
            assertThat(c.days()).isBetween(1, PlanCriteria.MAX_DAYS);
            assertThat(c.minCalls()).isNotNegative();
            assertThat(PlanCriteria.fromJson(c.toJson())).isEqualTo(c);
            Statistics.label("outcome").collect("read");
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
            Statistics.label("outcome").collect("refused");
        }
    }

    @Provide
    Arbitrary<String> bodies() {
        ObjectNode valid = Json.MAPPER.createObjectNode();
        valid.putArray("tags").add("HEALTH");
        valid.putArray("business_types").add("HOSPITAL").add("CLINIC");
        valid.putArray("weekdays").add("MONDAY");
        valid.put("from_hour", 9).put("to_hour", 17).put("country", "US").put("min_calls", 2).put("days", 30);
        return BadInputs.badJsonPayloads(valid);
    }
}
