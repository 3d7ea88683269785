package dev.switchboard.marketing;

import static dev.switchboard.badinput.BadInputs.within;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.badinput.Lines;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The bad-input campaign on the business directory CSV: valid entries, or a DirectoryException listing the bad rows (a 400). */
class DirectoryCsvBadInputTest {
    @Property
    void directoryCsvIsReadOrRefused(@ForAll("csv") String csv) {
        try {
            List<DirectoryEntry> entries = within(() -> {
                try {
                    return DirectoryCsv.read(new StringReader(csv));
                } catch (IOException e) {
                    throw new AssertionError("a string cannot fail to read: " + e, e);
                }
            });
            entries.forEach(e -> assertThat(e.prefix()).matches("\\+[0-9]{1,15}"));
            Statistics.label("outcome").collect("read");
        } catch (DirectoryException e) {
            assertThat(e.getMessage()).isNotBlank();
            Statistics.label("outcome").collect("refused");
        }
    }

    @Provide
    Arbitrary<String> csv() throws IOException {
        StringWriter out = new StringWriter();
        DirectoryCsv.write(out, List.of(new DirectoryEntry("+1212555", BusinessType.BANKING, "First Bank"),
                new DirectoryEntry("+33198", BusinessType.HOSPITAL, null), new DirectoryEntry("+1800", BusinessType.SCHOOL, "Elm, \"the\" school")));
        return Lines.badCsv(out.toString());
    }
}
