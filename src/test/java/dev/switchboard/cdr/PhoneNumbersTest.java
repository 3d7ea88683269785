package dev.switchboard.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {
    private final PhoneNumbers us = new PhoneNumbers("US", 6);

    @Test
    void nationalNumberOfTheDefaultRegionBecomesE164() {
        assertThat(us.normalize("2015550123")).hasValue("+12015550123");
        assertThat(us.normalize("12015550123")).hasValue("+12015550123");
    }

    @Test
    void plusPrefixedForeignNumberIsKeptInItsOwnCountry() {
        assertThat(us.normalize("+44 20 7946 0958")).hasValue("+442079460958");
    }

    @Test
    void doubleZeroPrefixIsReadAsInternationalEvenWhereTheRegionDialsSomethingElse() {
        assertThat(us.normalize("0044 20 7946 0958")).hasValue("+442079460958");
    }

    @Test
    void internationalPrefixOfTheDefaultRegionWorks() {
        assertThat(us.normalize("011 44 20 7946 0958")).hasValue("+442079460958");
    }

    @ParameterizedTest
    @ValueSource(strings = {"(201) 555-0123", "201.555.0123", "201-555-0123", " 201 555 0123 ", "+1 (201) 555-0123"})
    void separatorsPeopleTypeAreIgnored(String written) {
        assertThat(us.normalize(written)).hasValue("+12015550123");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "99", "1500", "123456"})
    void shortDigitStringsArePbxExtensionsKeptAsTheyAre(String extension) {
        assertThat(us.normalize(extension)).hasValue(extension);
    }

    @Test
    void extensionWithSeparatorsIsKeptAsItsDigits() {
        assertThat(us.normalize("12-34")).hasValue("1234");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567", "123654987"})
    void digitStringLongerThanAnExtensionMustBeAValidNumber(String digits) {
        assertThat(us.normalize(digits)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"s", "anonymous", "jerbeartest", "1-800-FLOWERS", "200a", "+", "()", "", "++12015550123"})
    void textThatIsNotDigitsIsRejected(String text) {
        assertThat(us.normalize(text)).isEmpty();
    }

    @Test
    void numberInvalidInTheRegionIsRejected() {
        // An Asterisk dial prefix "8" before a US number: 12 digits that are no number anywhere.
        assertThat(us.normalize("812489398620")).isEmpty();
    }

    @Test
    void plusBeforeAShortDigitStringIsNotAnExtension() {
        assertThat(us.normalize("+1234")).isEmpty();
    }

    @Test
    void nullIsRejected() {
        assertThat(us.normalize(null)).isEmpty();
    }

    @Test
    void zeroExtensionDigitsAcceptsNoExtensions() {
        assertThat(new PhoneNumbers("US", 0).normalize("99")).isEmpty();
    }

    @Test
    void defaultRegionDecidesHowANationalNumberIsRead() {
        PhoneNumbers germany = new PhoneNumbers("DE", 4);
        assertThat(germany.normalize("030 901820")).hasValue("+4930901820");
        assertThat(germany.normalize("0049 30 901820")).hasValue("+4930901820");
        assertThat(germany.normalize("1234")).hasValue("1234");
        assertThat(germany.normalize("12345")).as("longer than this PBX's extensions").isEmpty();
    }
}
