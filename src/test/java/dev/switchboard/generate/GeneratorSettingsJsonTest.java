package dev.switchboard.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.platform.Json;
import org.junit.jupiter.api.Test;

/** Reading a PUT body of settings onto the settings in force: partial, strict, and every refusal names the field. */
class GeneratorSettingsJsonTest {
    static final LiveWorkload NOW = LiveWorkload.defaults(200);

    @Test
    void aPartialBodyChangesOnlyItsFields() {
        LiveWorkload next = GeneratorRoutes.merged(NOW, "{\"sms_share\": 1, \"records_per_second\": 40.5, \"call_time_mode\": \"midnight\"}");
        assertThat(next).isEqualTo(new LiveWorkload(40.5, 1.0, 0.03, 0.01, 0.08, 0.15, CallTimeMode.MIDNIGHT, GapDistribution.EXPONENTIAL));
        assertThat(GeneratorRoutes.merged(NOW, "{}")).isEqualTo(NOW);
        assertThat(GeneratorRoutes.merged(NOW, "")).isEqualTo(NOW);
    }

    @Test
    void theSettingsAreWrittenUnderTheNamesTheyAreReadBy() {
        assertThat(Json.write(NOW)).isEqualTo("{\"records_per_second\":200.0,\"sms_share\":0.25,\"error_rate\":0.03,\"duplicate_rate\":0.01,"
                + "\"international_share\":0.08,\"business_share\":0.15,\"call_time_mode\":\"UNIFORM\",\"gap_distribution\":\"EXPONENTIAL\"}");
        assertThat(GeneratorRoutes.merged(LiveWorkload.defaults(1), Json.write(NOW))).isEqualTo(NOW);
    }

    @Test
    void refusalsNameTheField() {
        refused("{\"sms_share\": 1.5}", "sms_share must be in [0, 1]: 1.5");
        refused("{\"records_per_second\": 0}", "records_per_second must be from 0.01 to 20000: 0.0");
        refused("{\"records_per_second\": 1e6}", "records_per_second must be from 0.01 to 20000");
        refused("{\"error_rate\": 0.6, \"duplicate_rate\": 0.5}", "error_rate + duplicate_rate must be in [0, 1]");
        refused("{\"sms_share\": \"half\"}", "sms_share must be a number, got \"half\"");
        refused("{\"sms_share\": null}", "sms_share must be a number, got null");
        refused("{\"gap_distribution\": \"NORMAL\"}", "gap_distribution must be one of [EXPONENTIAL, POISSON, UNIFORM], got 'NORMAL'");
        refused("{\"call_time_mode\": 3}", "call_time_mode must be one of [UNIFORM, BUSINESS_HOURS, EVENING, MIDNIGHT], got 3");
        refused("{\"smsShare\": 0.5}", "unknown setting 'smsShare' (settings: records_per_second, sms_share, error_rate");
        refused("[1]", "the body must be a JSON object of settings");
        refused("{\"sms_share\": ", "the body is not JSON");
    }

    static void refused(String body, String message) {
        assertThatThrownBy(() -> GeneratorRoutes.merged(NOW, body)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
    }
}
