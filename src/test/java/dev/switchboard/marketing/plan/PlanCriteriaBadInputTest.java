package dev.switchboard.marketing.plan;

import static dev.switchboard.badinput.BadInputs.within;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.badinput.BadInputs;
import dev.switchboard.badinput.Gen;
import dev.switchboard.badinput.Tries;
import dev.switchboard.platform.Json;
import org.junit.jupiter.api.Test;

/**
 * The bad-input campaign on marketing plan criteria as POST /api/marketing/plans and /targets read them:
 * the body text is parsed as the route does, then the criteria; criteria that keep their bounds, or an
 * IllegalArgumentException (a 400); nothing else escapes.
 */
class PlanCriteriaBadInputTest {
    @Test
    void criteriaAreReadOrRefused() {
        Tries.check(bodies(), PlanCriteriaBadInputTest::readOrRefused);
    }

    private static void readOrRefused(String body) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body.isBlank() ? "{}" : body);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            Tries.count("outcome", "not JSON");
            return;
        }
        try {
            PlanCriteria c = within(() -> PlanCriteria.fromJson(node));
            assertThat(c.days()).isBetween(1, PlanCriteria.MAX_DAYS);
            assertThat(c.minCalls()).isNotNegative();
            assertThat(PlanCriteria.fromJson(c.toJson())).isEqualTo(c);
            Tries.count("outcome", "read");
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
            Tries.count("outcome", "refused");
        }
    }

    Gen<String> bodies() {
        ObjectNode valid = Json.MAPPER.createObjectNode();
        valid.putArray("tags").add("HEALTH");
        valid.putArray("business_types").add("HOSPITAL").add("CLINIC");
        valid.putArray("weekdays").add("MONDAY");
        valid.put("from_hour", 9).put("to_hour", 17).put("country", "US").put("min_calls", 2).put("days", 30);
        return BadInputs.badJsonPayloads(valid);
    }
}
