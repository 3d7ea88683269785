package dev.switchboard.rating;

import static dev.switchboard.badinput.BadInputs.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.badinput.BadInputs;
import dev.switchboard.badinput.Gen;
import dev.switchboard.badinput.Lines;
import dev.switchboard.badinput.Tries;
import dev.switchboard.platform.Json;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The bad-input campaign on tariff files (the tariff JSON document, the rates CSV beside it, one plan
 * version as POST /api/tariffs/plans takes it): a tariff set, or a TariffException / IllegalArgumentException
 * (both a 4xx at the API); nothing else escapes, nothing hangs.
 */
class TariffFilesBadInputTest {
    private static final String JSON;
    private static final String RATES;

    static {
        StringWriter json = new StringWriter(), rates = new StringWriter();
        try {
            TariffFiles.writeSplit(json, rates, TariffFixtures.small());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JSON = json.toString();
        RATES = rates.toString();
    }

    @Test
    void tariffDocumentIsReadOrRefused() throws IOException {
        Tries.check(document(), json -> outcome(() -> TariffFiles.read(new StringReader(json))));
    }

    @Test
    void ratesCsvIsReadOrRefused() {
        Tries.check(rates(), csv -> outcome(() -> TariffFiles.read(new StringReader(JSON), new StringReader(csv))));
    }

    @Test
    void planVersionIsReadOrRefused() throws IOException {
        Tries.check(plan(), json -> outcome(() -> TariffFiles.readPlan(new StringReader(json), ZoneOffset.UTC)));
    }

    /** Found by this campaign: an unclosed quote in the rates CSV header escaped as CSVException, read as an I/O failure of the file. */
    @Test
    void anUnclosedQuoteInTheRatesHeaderIsABadRatesCsv() {
        assertThatThrownBy(() -> TariffFiles.read(new StringReader(JSON), new StringReader("\"" + RATES)))
                .isInstanceOf(TariffException.class).hasMessage("bad rates CSV");
    }

    private interface Read {
        Object read() throws IOException;
    }

    private static void outcome(Read read) {
        try {
            Object value = within((Supplier<Object>) () -> {
                try {
                    return read.read();
                } catch (IOException e) {
                    throw new AssertionError("a string cannot fail to read: " + e, e);
                }
            });
            assertThat(value).isNotNull();
            Tries.count("outcome", "read");
        } catch (TariffException e) {
            assertThat(e.getMessage()).isNotBlank();
            Tries.count("outcome", "refused");
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
            Tries.count("outcome", "refused (IllegalArgument)");
        }
    }

    Gen<String> document() throws IOException {
        StringWriter whole = new StringWriter();
        TariffFiles.write(whole, TariffFixtures.small());
        return BadInputs.badJsonPayloads((ObjectNode) Json.MAPPER.readTree(whole.toString()));
    }

    Gen<String> rates() {
        return Lines.badCsv(RATES);
    }

    Gen<String> plan() throws IOException {
        StringWriter plan = new StringWriter();
        TariffFiles.writePlan(plan, TariffFixtures.small().plans().values().iterator().next().get(0));
        return BadInputs.badJsonPayloads((ObjectNode) Json.MAPPER.readTree(plan.toString()));
    }
}
