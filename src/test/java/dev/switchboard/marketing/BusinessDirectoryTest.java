package dev.switchboard.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BusinessDirectoryTest {
    static final BusinessDirectory DIRECTORY = BusinessDirectory.of(List.of(
            new DirectoryEntry("+1800", BusinessType.BUSINESS, "any toll-free"),
            new DirectoryEntry("+18002345", BusinessType.BANKING, "Maple Bank block"),
            new DirectoryEntry("+18002345678", BusinessType.TRAVELING, "an airline inside the bank's block"),
            new DirectoryEntry("+12015550123", BusinessType.FOOD, "Golden Pizza")));

    @Test
    void theLongestPrefixWins() {
        assertThat(DIRECTORY.find("+18002345678").orElseThrow().type()).isEqualTo(BusinessType.TRAVELING);
        assertThat(DIRECTORY.find("+18002345679").orElseThrow().prefix()).isEqualTo("+18002345");
        assertThat(DIRECTORY.find("+18009999999").orElseThrow().prefix()).isEqualTo("+1800");
        assertThat(DIRECTORY.tagOf("+18002345000")).isEqualTo(Tag.BUSINESS);
        assertThat(DIRECTORY.tagOf("+12015550123")).isEqualTo(Tag.AD);
        var match = DIRECTORY.lookup("+12015550123");
        assertThat(match.type()).contains(BusinessType.FOOD);
        assertThat(match.entry().name()).isEqualTo("Golden Pizza");
    }

    @Test
    void numbersNoEntryStartsArePrivate() {
        assertThat(DIRECTORY.tagOf("+12015550124")).isEqualTo(Tag.PRIVATE);
        assertThat(DIRECTORY.tagOf("+1201555012")).isEqualTo(Tag.PRIVATE); // shorter than the entry: not under it
        assertThat(DIRECTORY.lookup("+33612345678").type()).isEmpty();
        assertThat(DIRECTORY.tagOf("911")).isEqualTo(Tag.PRIVATE); // an extension or short code has no '+'
        assertThat(DIRECTORY.tagOf("")).isEqualTo(Tag.PRIVATE);
        assertThat(DIRECTORY.tagOf(null)).isEqualTo(Tag.PRIVATE);
        assertThat(BusinessDirectory.EMPTY.tagOf("+18002345678")).isEqualTo(Tag.PRIVATE);
    }

    @Test
    void aPrefixTwiceAndMalformedPrefixesAreRefused() {
        assertThatThrownBy(() -> BusinessDirectory.of(List.of(new DirectoryEntry("+1800", BusinessType.JOB, null),
                new DirectoryEntry("+1800", BusinessType.FOOD, null)))).hasMessageContaining("+1800");
        for (String bad : List.of("1800", "+", "+1-800", "+1234567890123456", " +1800"))
            assertThatThrownBy(() -> new DirectoryEntry(bad, BusinessType.FOOD, null)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void entriesComeByPrefixAndEqualSetsAreEqual() {
        assertThat(DIRECTORY.entries()).extracting(DirectoryEntry::prefix).containsExactly("+12015550123", "+1800", "+18002345", "+18002345678");
        List<DirectoryEntry> reversed = new java.util.ArrayList<>(DIRECTORY.entries());
        java.util.Collections.reverse(reversed);
        assertThat(BusinessDirectory.of(reversed)).isEqualTo(DIRECTORY);
    }

    @Test
    void everyTypeHasALabelAndATagAndPrivateHasNoType() {
        assertThat(BusinessType.values()).hasSize(15).allSatisfy(t -> {
            assertThat(t.label()).isNotBlank();
            assertThat(t.tag()).isNotEqualTo(Tag.PRIVATE);
            assertThat(BusinessType.parse(t.label())).contains(t);
            assertThat(BusinessType.parse(t.name().toLowerCase())).contains(t);
        });
        assertThat(BusinessType.parse("financial agency")).contains(BusinessType.FINANCIAL_AGENCY);
        assertThat(BusinessType.parse("Housekeeping and property management")).contains(BusinessType.HOUSEKEEPING_PROPERTY);
        assertThat(BusinessType.parse("private")).isEmpty();
        assertThat(List.of(BusinessType.values())).extracting(BusinessType::tag).containsOnly(Tag.BUSINESS, Tag.AGENCY, Tag.EDUCATION, Tag.HEALTH,
                Tag.AD, Tag.EMERGENCY);
    }
}
