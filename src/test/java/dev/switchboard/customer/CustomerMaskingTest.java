package dev.switchboard.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.platform.Json;
import dev.switchboard.platform.Settings;
import dev.switchboard.platform.SettingsSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Masking rules, and no personal data in any toString, settings printout or log line. */
class CustomerMaskingTest {
    static final String[] PERSONAL = {"123-45-6789", "12345", "1980-06-15", "1980", "Elm Street"};

    @Test
    void nationalIdsKeepTheirLastFourAndTheirSeparators() {
        assertThat(Masking.nationalId("123-45-6789")).isEqualTo("***-**-6789");
        assertThat(Masking.nationalId("1 80 06 75 123 456 78")).isEqualTo("* ** ** ** *** *56 78");
        assertThat(Masking.nationalId("AB123456C")).isEqualTo("*****456C");
        assertThat(Masking.nationalId("1234567")).isEqualTo("*******");
        assertThat(Masking.birthDate(java.time.LocalDate.of(1980, 6, 15))).isEqualTo("****-**-**");
        assertThat(Masking.address("12 Elm Street")).isEqualTo("***");
    }

    @Test
    void noRecordHoldingPersonalDataPrintsIt() {
        Customer c = new Customer(7, CustomerFixtures.alice(), Instant.EPOCH, Instant.EPOCH);
        for (String text : new String[] {CustomerFixtures.alice().toString(), c.toString(), CustomerJson.full(c).toString(),
                CustomerJson.masked(c).toString()}) {
            assertThat(text).contains("***-**-6789", "Springfield").doesNotContain(PERSONAL);
        }
    }

    @Test
    void theMaskedJsonViewHasNoPersonalData() throws Exception {
        String json = Json.MAPPER.writeValueAsString(CustomerJson.masked(new Customer(7, CustomerFixtures.alice(), Instant.EPOCH, Instant.EPOCH)));
        assertThat(json).contains("\"national_id\":\"***-**-6789\"", "\"birth_date\":\"****-**-**\"", "\"address\":\"***\"").doesNotContain(PERSONAL);
    }

    @Test
    void secretSettingsAreMaskedWhenPrintedAndWhenRefused() {
        String key = java.util.Base64.getEncoder().encodeToString(CustomerFixtures.KEY);
        Settings s = Settings.resolve(Map.of("customer-key", key, "db-password", "tok-very-secret"), Map.of());
        assertThat(s.get(SettingsSpec.CUSTOMER_KEY)).isEqualTo(key);
        assertThat(s.toString() + s.describe()).doesNotContain(key, "tok-very-secret").contains("customer-key", "db-password");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Settings.resolve(Map.of("customer-key", "c2hvcnQ="), Map.of()))
                .hasMessageContaining("32 bytes").hasMessageNotContaining("c2hvcnQ=");
    }

    @Test
    void loggingACustomerOrAFailedImportWritesNoPersonalData() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            var log = LoggerFactory.getLogger("dev.switchboard.customer.test");
            log.info("customer {}", new Customer(7, CustomerFixtures.alice(), Instant.EPOCH, Instant.EPOCH));
            try {
                CustomerFormats.readOne("{\"name\":\"A\",\"national_id\":\"123-45-6789\",\"birth_date\":\"1980-06-15x\",\"sex\":\"F\"}");
            } catch (CustomerException e) {
                log.warn("refused: {} {}", e.getMessage(), e.details());
            }
            try {
                CustomerFormats.readOne("{\"name\":\"A\",\"national_id\":\"123-45-6789\",\"birth_date\":\"1980-06-15\",\"sex\":\"F\",\"phones\":[\"x\"]}");
            } catch (CustomerException e) {
                log.warn("refused: {} {}", e.getMessage(), e.details());
            }
        } finally {
            System.setErr(err);
        }
        String lines = captured.toString(StandardCharsets.UTF_8);
        assertThat(lines).contains("customer Customer[id=7", "refused: bad JSON", "refused: invalid customer").doesNotContain(PERSONAL);
    }
}
