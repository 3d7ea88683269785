package dev.switchboard.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.cdr.CdrType;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TariffFilesTest {
    static final String SMALL = """
            {"zone": "America/New_York", "default_plan": "basic",
             "plans": [
              {"plan_id": "basic", "version": 1, "active_from": "2025-01-01", "currency": "USD", "tax_rate": "0.0725",
               "bands": [{"name": "peak", "days": ["WEEKDAY"], "from": "08:00", "to": "20:00"},
                         {"name": "offpeak", "days": ["WEEKDAY"], "from": "20:00", "to": "08:00"},
                         {"name": "weekend", "days": ["WEEKEND", "HOLIDAY"], "from": "00:00", "to": "24:00"}],
               "holidays": ["2025-12-25"],
               "allowances": [{"id": "sms100", "type": "SMS", "units": 100, "prefixes": ["1"]}],
               "rates": [{"id": "us-peak", "prefix": "+1", "band": "peak", "price_per_unit": 0.10, "connection_fee": "0.015"},
                         {"id": "us-sms", "type": "SMS", "prefix": "1", "price_per_unit": "0.05"}]},
              {"plan_id": "basic", "version": 2, "active_from": "2026-07-01T04:00:00Z", "currency": "USD", "tax_rate": 0.0725,
               "rates": [{"id": "all", "prefix": "", "price_per_unit": "0.12", "first_increment_sec": 30, "increment_sec": 6}]}],
             "assignments": {"+12015550123": "basic"}}
            """;

    @Test
    void readsTheJsonFormatWithExactMoneyDatesInTheZoneAndDefaults() throws Exception {
        Tariffs t = TariffFiles.read(new StringReader(SMALL));
        assertThat(t.defaultPlan()).isEqualTo("basic");
        assertThat(t.planOf("+12015550123")).isEqualTo("basic");
        PlanVersion v1 = t.plans().get("basic").get(0);
        assertThat(v1.activeFrom()).isEqualTo(Instant.parse("2025-01-01T05:00:00Z"));
        assertThat(v1.taxRate()).isEqualByComparingTo("0.0725");
        assertThat(v1.holidays()).containsExactly(LocalDate.of(2025, 12, 25));
        assertThat(v1.bands().get(1).fromMinute()).isEqualTo(1200);
        assertThat(v1.bands().get(2).toMinute()).isEqualTo(1440);
        Rate peak = v1.rates().get(0);
        assertThat(peak.prefix()).isEqualTo("1");
        assertThat(peak.pricePerUnit()).isEqualByComparingTo(new BigDecimal("0.10"));
        assertThat(peak.connectionFee()).isEqualTo(new BigDecimal("0.015"));
        assertThat(peak.unitSec()).isEqualTo(60);
        assertThat(peak.rounding()).isEqualTo(Rounding.HALF_UP);
        assertThat(v1.rates().get(1).type()).isEqualTo(CdrType.SMS);
        assertThat(v1.allowances().get(0).units()).isEqualTo(100);
        Rate all = t.plans().get("basic").get(1).rates().get(0);
        assertThat(all.firstIncrementSec()).isEqualTo(30);
        assertThat(all.incrementSec()).isEqualTo(6);
    }

    @Test
    void writtenJsonReadsBackToTheSameSet() throws Exception {
        Tariffs t = TariffFiles.read(new StringReader(SMALL));
        Tariffs again = TariffFiles.read(new StringReader(TariffFiles.json(t)));
        assertThat(again).isEqualTo(t);
    }

    @Test
    void splitJsonAndCsvReadBackToTheSameSet() throws Exception {
        Tariffs t = TariffFiles.read(new StringReader(SMALL));
        StringWriter json = new StringWriter();
        StringWriter csv = new StringWriter();
        TariffFiles.writeSplit(json, csv, t);
        assertThat(json.toString()).doesNotContain("us-peak");
        assertThat(csv.toString()).startsWith("plan_id,version,rate_id,");
        assertThat(TariffFiles.read(new StringReader(json.toString()), new StringReader(csv.toString()))).isEqualTo(t);
    }

    @Test
    void aBadCsvRowIsNamedByItsLine() {
        String csv = "plan_id,version,rate_id,prefix,price_per_unit\nbasic,2,a,44,0.5\nbasic,2,b,33,cheap\n";
        assertThatThrownBy(() -> TariffFiles.read(new StringReader(SMALL), new StringReader(csv)))
                .isInstanceOf(TariffException.class)
                .satisfies(e -> assertThat(((TariffException) e).details()).singleElement().asString()
                        .contains("line 3").contains("price_per_unit").contains("cheap"));
    }

    @Test
    void aCsvRowForAnUndeclaredPlanVersionIsRefused() {
        String csv = "plan_id,version,rate_id,prefix,price_per_unit\nbasic,9,a,44,0.5\n";
        assertThatThrownBy(() -> TariffFiles.read(new StringReader(SMALL), new StringReader(csv)))
                .isInstanceOf(TariffException.class).hasMessage("bad rates CSV")
                .satisfies(e -> assertThat(((TariffException) e).oneLine()).contains("line 2").contains("basic version 9 is not declared"));
    }

    @Test
    void jsonSyntaxErrorsNameLineAndColumn() {
        assertThatThrownBy(() -> TariffFiles.read(new StringReader("{\"zone\": \"UTC\",\n \"plans\": [}")))
                .isInstanceOf(TariffException.class).hasMessage("bad JSON")
                .satisfies(e -> assertThat(((TariffException) e).oneLine()).contains("line 2"));
    }

    @Test
    void modelRefusalsNameThePlaceInTheDocument() {
        String bad = SMALL.replace("\"band\": \"peak\"", "\"band\": \"night\"");
        assertThatThrownBy(() -> TariffFiles.read(new StringReader(bad)))
                .isInstanceOf(TariffException.class)
                .satisfies(e -> assertThat(((TariffException) e).oneLine()).contains("plans[0]").contains("unknown band night"));
        String tooFine = SMALL.replace("\"0.015\"", "\"0.0000001\"");
        assertThatThrownBy(() -> TariffFiles.read(new StringReader(tooFine)))
                .satisfies(e -> assertThat(((TariffException) e).oneLine()).contains("rates[0]").contains("connection_fee").contains("6 decimals"));
        String dup = SMALL.replace("\"id\": \"us-sms\"", "\"id\": \"us-peak\"");
        assertThatThrownBy(() -> TariffFiles.read(new StringReader(dup)))
                .satisfies(e -> assertThat(((TariffException) e).oneLine()).contains("us-peak is used twice"));
        String unknownPlan = SMALL.replace("\"+12015550123\": \"basic\"", "\"+12015550123\": \"gold\"");
        assertThatThrownBy(() -> TariffFiles.read(new StringReader(unknownPlan)))
                .satisfies(e -> assertThat(((TariffException) e).oneLine()).contains("unknown plan gold"));
    }
}
