package dev.switchboard.marketing;

import static dev.switchboard.badinput.BadInputs.within;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.badinput.Gen;
import dev.switchboard.badinput.Lines;
import dev.switchboard.badinput.Tries;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bad-input campaign on the business directory CSV: valid entries, or a DirectoryException listing the bad rows (a 400). */
class DirectoryCsvBadInputTest {
    @Test
    void directoryCsvIsReadOrRefused() throws IOException {
        Tries.check(csv(), DirectoryCsvBadInputTest::readOrRefused);
    }

    private static void readOrRefused(String csv) {
        try {
            List<DirectoryEntry> entries = within(() -> {
                try {
                    return DirectoryCsv.read(new StringReader(csv));
                } catch (IOException e) {
                    throw new AssertionError("a string cannot fail to read: " + e, e);
                }
            });
            entries.forEach(e -> assertThat(e.prefix()).matches("\\+[0-9]{1,15}"));
            Tries.count("outcome", "read");
        } catch (DirectoryException e) {
            assertThat(e.getMessage()).isNotBlank();
            Tries.count("outcome", "refused");
        }
    }

    Gen<String> csv() throws IOException {
        StringWriter out = new StringWriter();
        DirectoryCsv.write(out, List.of(new DirectoryEntry("+1212555", BusinessType.BANKING, "First Bank"),
                new DirectoryEntry("+33198", BusinessType.HOSPITAL, null), new DirectoryEntry("+1800", BusinessType.SCHOOL, "Elm, \"the\" school")));
        return Lines.badCsv(out.toString());
    }
}
