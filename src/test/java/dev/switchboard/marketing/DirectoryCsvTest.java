package dev.switchboard.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectoryCsvTest {
    @Test
    void typesByNameOrLabelNamesOptionalAndAnyColumnOrder() throws Exception {
        List<DirectoryEntry> entries = DirectoryCsv.read(new StringReader("""
                business_type,prefix,name
                food,+12015550123,"Golden Pizza, Main Street"
                Financial agency,+1201555,
                HOSPITAL , +12015550999 ,General Hospital
                """));
        assertThat(entries).containsExactly(new DirectoryEntry("+12015550123", BusinessType.FOOD, "Golden Pizza, Main Street"),
                new DirectoryEntry("+1201555", BusinessType.FINANCIAL_AGENCY, null),
                new DirectoryEntry("+12015550999", BusinessType.HOSPITAL, "General Hospital"));
        assertThat(DirectoryCsv.read(new StringReader("prefix,business_type\n+1800,BANKING\n"))).containsExactly(
                new DirectoryEntry("+1800", BusinessType.BANKING, null));
    }

    @Test
    void writtenEntriesReadBack() throws Exception {
        StringWriter out = new StringWriter();
        DirectoryCsv.write(out, BusinessDirectoryTest.DIRECTORY.entries());
        assertThat(out.toString()).startsWith("prefix,business_type,name\r\n");
        assertThat(DirectoryCsv.read(new StringReader(out.toString()))).isEqualTo(BusinessDirectoryTest.DIRECTORY.entries());
    }

    @Test
    void everyBadRowIsReportedWithItsLineNumber() {
        String csv = """
                prefix,business_type,name
                +12015550123,FOOD,ok

                12015550124,FOOD,no plus
                +12015550125,BAKERY,unknown type
                +12015550123,CLINIC,duplicate
                +1201-555,SCHOOL,dash
                """;
        assertThatThrownBy(() -> DirectoryCsv.read(new StringReader(csv))).isInstanceOfSatisfying(DirectoryException.class, e -> {
            assertThat(e.code()).isEqualTo(DirectoryException.Code.INVALID);
            assertThat(e.details()).hasSize(4);
            assertThat(e.details().get(0)).startsWith("line 4: prefix '12015550124'");
            assertThat(e.details().get(1)).startsWith("line 5: unknown business_type 'BAKERY'");
            assertThat(e.details().get(2)).isEqualTo("line 6: prefix +12015550123 already on line 2");
            assertThat(e.details().get(3)).startsWith("line 7: prefix '+1201-555'");
        });
    }

    @Test
    void theHeaderIsRequired() {
        assertThatThrownBy(() -> DirectoryCsv.read(new StringReader("+12015550123,FOOD,Golden Pizza\n")))
                .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.details().get(0)).startsWith("line 1: unknown column '+12015550123'"));
        assertThatThrownBy(() -> DirectoryCsv.read(new StringReader("")))
                .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.details().get(0)).contains("header"));
        assertThatThrownBy(() -> DirectoryCsv.read(new StringReader("prefix,name\n+1,x\n")))
                .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.details().get(0)).contains("prefix and business_type"));
    }
}
