package dev.switchboard.customer;

import static dev.switchboard.badinput.BadInputs.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.badinput.BadInputs;
import dev.switchboard.badinput.Gen;
import dev.switchboard.badinput.Lines;
import dev.switchboard.badinput.Tries;
import dev.switchboard.platform.Json;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The bad-input campaign on customer formats (one JSON object, JSON array or NDJSON, CSV): drafts, or a
 * CustomerException / IllegalArgumentException (both a 400 at the API); nothing else escapes, and no message
 * repeats a personal value.
 */
class CustomerFormatsBadInputTest {
    @Test
    void oneCustomerJsonIsReadOrRefused() {
        Tries.check(oneJson(), body -> outcome(() -> List.of(CustomerFormats.readOne(body))));
    }

    @Test
    void customerFileIsReadOrRefused() throws Exception {
        Tries.check(Gen.pairs(jsonFile(), csvFile()), files -> {
            outcome(() -> read(files.first(), CustomerFormats.Format.JSON));
            outcome(() -> read(files.second(), CustomerFormats.Format.CSV));
        });
    }

    /** Found by this campaign: an unclosed quote in the header line escaped as CSVException (a 500 at POST /api/customers/import). */
    @Test
    void anUnclosedQuoteInTheHeaderIsABadCsv() {
        assertThatThrownBy(() -> read("\"name,national_id\nAlice,1\n", CustomerFormats.Format.CSV))
                .isInstanceOf(CustomerException.class).hasMessage("bad CSV");
    }

    private static List<CustomerDraft> read(String text, CustomerFormats.Format format) {
        try {
            return CustomerFormats.read(new StringReader(text), format);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static void outcome(Supplier<List<CustomerDraft>> read) {
        try {
            List<CustomerDraft> drafts = within(read);
            drafts.forEach(d -> assertThat(d).isNotNull());
            Tries.count("outcome", "read");
        } catch (CustomerException e) {
            assertThat(e.getMessage()).isNotBlank();
            assertThat(String.join(" ", e.details())).doesNotContain("123-45-6789");
            Tries.count("outcome", "refused");
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
            Tries.count("outcome", "refused (IllegalArgument)");
        }
    }

    private static ObjectNode alice() {
        return (ObjectNode) Json.MAPPER.valueToTree(CustomerFixtures.alice());
    }

    Gen<String> oneJson() {
        return BadInputs.badJsonPayloads(alice());
    }

    Gen<String> jsonFile() {
        return Gen.oneOf(oneJson().list(0, 5).map(l -> String.join("\n", l)), oneJson().list(0, 5).map(l -> "[" + String.join(",", l) + "]"));
    }

    Gen<String> csvFile() throws Exception {
        StringWriter out = new StringWriter();
        CustomerFormats.writeCsv(out, List.of(CustomerFixtures.alice(), CustomerFixtures.bob()));
        return Lines.badCsv(out.toString());
    }
}
