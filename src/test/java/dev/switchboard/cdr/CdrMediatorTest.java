package dev.switchboard.cdr;

import static dev.switchboard.cdr.CdrFixtures.ABSENT;
import static dev.switchboard.cdr.CdrFixtures.NOW;
import static dev.switchboard.cdr.CdrFixtures.clean;
import static dev.switchboard.cdr.CdrFixtures.mediate;
import static dev.switchboard.cdr.CdrFixtures.mediateJson;
import static dev.switchboard.cdr.CdrFixtures.reason;
import static dev.switchboard.cdr.CdrFixtures.reasons;
import static dev.switchboard.cdr.CdrFixtures.voiceCdr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.mediation.Reason;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cdr-json and cdr-csv formats, and normalization of what passes. */
class CdrMediatorTest {
    private static final Reason UNPARSABLE = Reason.of(CdrReason.UNPARSABLE);

    @Test
    void validJsonBecomesACleanCdrWithNormalizedNumbers() {
        assertThat(clean(mediateJson())).isEqualTo(voiceCdr());
    }

    @Test
    void jsonOffsetDateTimeIsConvertedToUtc() {
        assertThat(clean(mediateJson("start_time", "2026-01-02T10:00:00+01:00")).startTime())
                .isEqualTo(Instant.parse("2026-01-02T09:00:00Z"));
    }

    @Test
    void jsonFractionalSecondsAreKept() {
        assertThat(clean(mediateJson("start_time", "2026-01-02T10:00:00.123Z")).startTime())
                .isEqualTo(Instant.parse("2026-01-02T10:00:00.123Z"));
    }

    @Test
    void jsonDurationMayBeAnIntegerString() {
        assertThat(clean(mediateJson("duration_sec", " 75 ")).durationSec()).isEqualTo(75);
    }

    @Test
    void jsonIdAndNumbersMayBeJsonNumbers() {
        Cdr cdr = clean(mediateJson("id", 17, "calling_number", 2015550123L, "called_number", 99));
        assertThat(cdr.id()).isEqualTo("17");
        assertThat(cdr.callingNumber()).isEqualTo("+12015550123");
        assertThat(cdr.calledNumber()).isEqualTo("99");
    }

    @Test
    void jsonUnknownExtraFieldsAreIgnored() {
        String json = "{\"id\":\"c-1\",\"calling_number\":\"2015550123\",\"called_number\":\"+44 20 7946 0958\","
                + "\"start_time\":\"2026-03-01T10:15:30Z\",\"duration_sec\":60,\"type\":\"VOICE\",\"result\":\"ANSWERED\","
                + "\"operator\":\"acme\",\"cell_id\":{\"lac\":1},\"tags\":[1,2]}";
        assertThat(clean(mediate("cdr-json", json))).isEqualTo(voiceCdr());
    }

    @Test
    void jsonNullValueCountsAsAbsent() {
        assertThat(clean(mediateJson("operator", null)).operator()).isNull();
        assertThat(reasons(mediateJson("id", null))).containsExactly(reason(CdrReason.MISSING_FIELD, "id"));
    }

    @Test
    void stringsAreTrimmedAndBlankOperatorBecomesNull() {
        Cdr cdr = clean(mediateJson("id", "  c-1 ", "type", " voice ", "result", " answered", "operator", "   "));
        assertThat(cdr.id()).isEqualTo("c-1");
        assertThat(cdr.type()).isEqualTo(CdrType.VOICE);
        assertThat(cdr.result()).isEqualTo(CdrResult.ANSWERED);
        assertThat(cdr.operator()).isNull();
    }

    @Test
    void operatorIsOptional() {
        assertThat(clean(mediateJson("operator", ABSENT)).operator()).isNull();
    }

    @Test
    void operatorIsTrimmed() {
        assertThat(clean(mediateJson("operator", " acme ")).operator()).isEqualTo("acme");
    }

    @Test
    void extensionsAreKeptAsDigits() {
        Cdr cdr = clean(mediateJson("calling_number", "1500", "called_number", "99"));
        assertThat(cdr.callingNumber()).isEqualTo("1500");
        assertThat(cdr.calledNumber()).isEqualTo("99");
    }

    @Test
    void internationalPrefixesPlusAndDoubleZeroBothGiveE164() {
        assertThat(clean(mediateJson("called_number", "+49 30 901820")).calledNumber()).isEqualTo("+4930901820");
        assertThat(clean(mediateJson("called_number", "0049 30 901820")).calledNumber()).isEqualTo("+4930901820");
    }

    @Test
    void nationalNumberWithSeparatorsGivesE164() {
        assertThat(clean(mediateJson("calling_number", "(201) 555-0123")).callingNumber()).isEqualTo("+12015550123");
    }

    @Test
    void smsWithoutDurationIsClean() {
        Cdr sms = clean(mediateJson("type", "SMS", "duration_sec", ABSENT));
        assertThat(sms.type()).isEqualTo(CdrType.SMS);
        assertThat(sms.durationSec()).isNull();
    }

    @Test
    void smsWithZeroDurationIsCleanWithoutDuration() {
        assertThat(clean(mediateJson("type", "sms", "duration_sec", 0)).durationSec()).isNull();
        assertThat(clean(mediateJson("type", "sms", "duration_sec", "0")).durationSec()).isNull();
    }

    @Test
    void voiceWithZeroDurationIsClean() {
        assertThat(clean(mediateJson("duration_sec", 0, "result", "NO_ANSWER")).durationSec()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"NO_ANSWER", "no_answer", "NO ANSWER", "No Answer"})
    void noAnswerIsAcceptedInBothSpellings(String result) {
        assertThat(clean(mediateJson("result", result)).result()).isEqualTo(CdrResult.NO_ANSWER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ANSWERED", "BUSY", "NO_ANSWER", "FAILED"})
    void everyResultIsAccepted(String result) {
        assertThat(clean(mediateJson("result", result.toLowerCase())).result()).isEqualTo(CdrResult.valueOf(result));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "null", "42", "\"text\"", "{\"id\":1", "{} {}", "{\"id\":\"c-1\"} trailing", ""})
    void jsonThatIsNotExactlyOneObjectIsUnparsable(String payload) {
        assertThat(reasons(mediate("cdr-json", payload))).containsExactly(UNPARSABLE);
    }

    @Test
    void validCsvLineBecomesACleanCdr() {
        String line = "c-1,2015550123,+44 20 7946 0958,2026-03-01T10:15:30Z,60,VOICE,ANSWERED,acme";
        assertThat(clean(mediate("cdr-csv", line))).isEqualTo(voiceCdr());
    }

    @Test
    void csvLineWithQuotedFieldsAndTrailingNewlineIsClean() {
        String line = "\"c-1\",\"2015550123\",\"+44 20 7946 0958\",\"2026-03-01T10:15:30Z\",\"60\",\"VOICE\",\"ANSWERED\",\"acme\"\r\n";
        assertThat(clean(mediate("cdr-csv", line))).isEqualTo(voiceCdr());
    }

    @Test
    void csvEmptyColumnsCountAsAbsent() {
        String sms = "s-1,1500,99,2026-03-01T10:15:30Z,,SMS,ANSWERED,";
        Cdr cdr = clean(mediate("cdr-csv", sms));
        assertThat(cdr.durationSec()).isNull();
        assertThat(cdr.operator()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "c-1,2015550123,6502530000,2026-03-01T10:15:30Z,60,VOICE,ANSWERED",
        "c-1,2015550123,6502530000,2026-03-01T10:15:30Z,60,VOICE,ANSWERED,acme,extra",
        "c-1,2015550123,6502530000,2026-03-01T10:15:30Z,60,VOICE,ANSWERED,acme\nc-2,2015550123,6502530000,2026-03-01T10:15:30Z,60,VOICE,ANSWERED,acme",
        "\"c-1,2015550123,6502530000,2026-03-01T10:15:30Z,60,VOICE,ANSWERED,acme",
        ""})
    void csvWithoutExactlyOneLineOfEightColumnsIsUnparsable(String payload) {
        assertThat(reasons(mediate("cdr-csv", payload))).containsExactly(UNPARSABLE);
    }

    @Test
    void csvValuesAreJudgedLikeJsonValues() {
        String line = "c-1,s,6502530000,2026-03-01T10:15:30Z,-1,VOICE,MAYBE,";
        assertThat(reasons(mediate("cdr-csv", line))).containsExactlyInAnyOrder(
                reason(CdrReason.INVALID_NUMBER, "calling_number"),
                reason(CdrReason.NEGATIVE_DURATION, "duration_sec"),
                reason(CdrReason.UNKNOWN_RESULT, "result"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ctr-json", "CDR-JSON", "", "json"})
    void unknownFormatIsUnparsable(String format) {
        assertThat(reasons(mediate(format, CdrFixtures.voiceJson()))).containsExactly(UNPARSABLE);
    }

    @Test
    void nullArgumentsAreProgrammingErrorsNotPayloads() {
        CdrMediator mediator = CdrFixtures.mediator();
        assertThatThrownBy(() -> mediator.mediate(null, NOW)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> mediator.mediate(CdrFixtures.raw("cdr-json", "{}"), null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CdrMediator(null)).isInstanceOf(NullPointerException.class);
    }
}
