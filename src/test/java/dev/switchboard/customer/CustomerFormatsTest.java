package dev.switchboard.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.platform.Json;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerFormatsTest {
    @Test
    void csvWrittenIsReadBackTheSame() throws Exception {
        StringWriter out = new StringWriter();
        CustomerFormats.writeCsv(out, List.of(CustomerFixtures.alice(), CustomerFixtures.bob()));
        assertThat(out.toString()).startsWith("name,national_id,birth_date,sex,address,city,operator,phones,subscriptions\n")
                .contains("+12025550144;+12025550145", "TV:2019-01-01:2021-01-01");
        assertThat(CustomerFormats.readCsv(out.toString())).containsExactly(CustomerFixtures.alice(), CustomerFixtures.bob());
    }

    @Test
    void jsonArraysAndNdjsonAreRead() throws Exception {
        String a = Json.MAPPER.writeValueAsString(CustomerFixtures.alice());
        String b = Json.MAPPER.writeValueAsString(CustomerFixtures.bob());
        assertThat(CustomerFormats.read(new StringReader("[" + a + "," + b + "]"), CustomerFormats.Format.JSON))
                .containsExactly(CustomerFixtures.alice(), CustomerFixtures.bob());
        assertThat(CustomerFormats.read(new StringReader(a + "\n\n" + b + "\n"), CustomerFormats.Format.JSON))
                .containsExactly(CustomerFixtures.alice(), CustomerFixtures.bob());
    }

    @Test
    void errorsNameTheLineAndFieldButNotTheValue() {
        String csv = "name,national_id,birth_date,sex,address,city,phones\nA,123-45-6789,1980-06-15,F,1 Elm,X,+12025550143\n"
                + "B,987-65-4321,15/06/1980,M,2 Elm,X,+12025550144\n";
        assertThatThrownBy(() -> CustomerFormats.readCsv(csv)).isInstanceOf(CustomerException.class)
                .satisfies(e -> assertThat(((CustomerException) e).details()).containsExactly("line 3: birth_date: not a date YYYY-MM-DD"));
        assertThatThrownBy(() -> CustomerFormats.readCsv("name,city\nA,B\n")).hasMessageContaining("bad CSV header");
        assertThatThrownBy(() -> CustomerFormats.read(new StringReader("{\"name\":1}\n{oops"), CustomerFormats.Format.JSON))
                .satisfies(e -> assertThat(((CustomerException) e).details().get(0)).startsWith("line 1: "));
    }
}
