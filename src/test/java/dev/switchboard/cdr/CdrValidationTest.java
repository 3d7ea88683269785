package dev.switchboard.cdr;

import static dev.switchboard.cdr.CdrFixtures.ABSENT;
import static dev.switchboard.cdr.CdrFixtures.NOW;
import static dev.switchboard.cdr.CdrFixtures.clean;
import static dev.switchboard.cdr.CdrFixtures.mediateJson;
import static dev.switchboard.cdr.CdrFixtures.raw;
import static dev.switchboard.cdr.CdrFixtures.reason;
import static dev.switchboard.cdr.CdrFixtures.reasons;
import static dev.switchboard.cdr.CdrFixtures.voiceJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One test at least per reason code, through the cdr-json format. */
class CdrValidationTest {
    @ParameterizedTest
    @ValueSource(strings = {"id", "calling_number", "called_number", "start_time", "type", "result"})
    void absentRequiredFieldIsMissing(String field) {
        assertThat(reasons(mediateJson(field, ABSENT))).containsExactly(reason(CdrReason.MISSING_FIELD, field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "calling_number", "called_number", "start_time", "type", "result"})
    void blankRequiredFieldIsMissing(String field) {
        assertThat(reasons(mediateJson(field, "  "))).containsExactly(reason(CdrReason.MISSING_FIELD, field));
    }

    @Test
    void voiceWithoutDurationIsMissingIt() {
        assertThat(reasons(mediateJson("duration_sec", ABSENT)))
                .containsExactly(reason(CdrReason.MISSING_FIELD, "duration_sec"));
        assertThat(reasons(mediateJson("duration_sec", "")))
                .containsExactly(reason(CdrReason.MISSING_FIELD, "duration_sec"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "60.0", "sixty", "1e2", "0x10", "6 0"})
    void durationThatIsNoIntegerIsInvalid(String duration) {
        assertThat(reasons(mediateJson("duration_sec", duration)))
                .containsExactly(reason(CdrReason.INVALID_VALUE, "duration_sec"));
    }

    @Test
    void fractionalJsonNumberDurationIsInvalid() {
        assertThat(reasons(mediateJson("duration_sec", 1.5)))
                .containsExactly(reason(CdrReason.INVALID_VALUE, "duration_sec"));
    }

    @Test
    void jsonValueOfTheWrongShapeIsInvalidNotMissing() {
        assertThat(reasons(mediateJson("duration_sec", true, "id", new int[] {1}, "operator", java.util.Map.of("a", 1))))
                .containsExactlyInAnyOrder(
                        reason(CdrReason.INVALID_VALUE, "duration_sec"),
                        reason(CdrReason.INVALID_VALUE, "id"),
                        reason(CdrReason.INVALID_VALUE, "operator"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-03-01", "2026-03-01T10:15:30", "2026-03-01 10:15:30", "2026-02-30T10:00:00Z",
        "1772359200"})
    void startTimeWithoutADateTimeAndOffsetIsInvalid(String start) {
        assertThat(reasons(mediateJson("start_time", start)))
                .containsExactly(reason(CdrReason.INVALID_VALUE, "start_time"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"s", "anonymous", "812489398620", "1234567", "+1234"})
    void numberThatIsNeitherValidNorAnExtensionIsInvalid(String number) {
        assertThat(reasons(mediateJson("called_number", number)))
                .containsExactly(reason(CdrReason.INVALID_NUMBER, "called_number"));
        assertThat(reasons(mediateJson("calling_number", number)))
                .containsExactly(reason(CdrReason.INVALID_NUMBER, "calling_number"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DATA", "MMS", "V", "1"})
    void typeOtherThanVoiceOrSmsIsUnknown(String type) {
        assertThat(reasons(mediateJson("type", type))).containsExactly(reason(CdrReason.UNKNOWN_TYPE, "type"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CONGESTION", "NOANSWER", "OK", "ANSWERED!"})
    void resultOutsideTheFourIsUnknown(String result) {
        assertThat(reasons(mediateJson("result", result))).containsExactly(reason(CdrReason.UNKNOWN_RESULT, "result"));
    }

    @Test
    void negativeDurationIsRejected() {
        assertThat(reasons(mediateJson("duration_sec", -1)))
                .containsExactly(reason(CdrReason.NEGATIVE_DURATION, "duration_sec"));
    }

    @Test
    void durationUpToTheMaximumIsAcceptedAndBeyondIsTooLong() {
        assertThat(clean(mediateJson("duration_sec", 86_400)).durationSec()).isEqualTo(86_400);
        assertThat(reasons(mediateJson("duration_sec", 86_401)))
                .containsExactly(reason(CdrReason.DURATION_TOO_LONG, "duration_sec"));
    }

    @Test
    void durationBeyondAnyIntegerIsTooLongNotUnreadable() {
        assertThat(reasons(mediateJson("duration_sec", "123456789012345678901234567890")))
                .containsExactly(reason(CdrReason.DURATION_TOO_LONG, "duration_sec"));
    }

    @Test
    void smsWithAPositiveDurationIsRejected() {
        assertThat(reasons(mediateJson("type", "SMS", "duration_sec", 5)))
                .containsExactly(reason(CdrReason.SMS_WITH_DURATION, "duration_sec"));
    }

    @Test
    void startWithinTheFutureToleranceIsAcceptedAndBeyondIsFuture() {
        assertThat(clean(mediateJson("start_time", NOW.plus(Duration.ofMinutes(5)).toString())).startTime())
                .isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(reasons(mediateJson("start_time", NOW.plus(Duration.ofMinutes(5)).plusSeconds(1).toString())))
                .containsExactly(reason(CdrReason.FUTURE_START, "start_time"));
    }

    @Test
    void startAtTheMaximumAgeIsAcceptedAndBeforeIsTooOld() {
        assertThat(clean(mediateJson("start_time", NOW.minus(Duration.ofDays(9125)).toString())).startTime())
                .isEqualTo(NOW.minus(Duration.ofDays(9125)));
        assertThat(reasons(mediateJson("start_time", NOW.minus(Duration.ofDays(9125)).minusSeconds(1).toString())))
                .containsExactly(reason(CdrReason.START_TOO_OLD, "start_time"));
        assertThat(reasons(mediateJson("start_time", "1970-01-01T00:00:00Z")))
                .containsExactly(reason(CdrReason.START_TOO_OLD, "start_time"));
    }

    @Test
    void limitsComeFromTheRules() {
        CdrRules tight = new CdrRules("US", ZoneOffset.UTC, Duration.ZERO, Duration.ofDays(1), 60, 2);
        CdrMediator mediator = new CdrMediator(tight);
        String json = voiceJson("calling_number", "150", "duration_sec", 61,
                "start_time", NOW.plusSeconds(1).toString());
        assertThat(reasons(mediator.mediate(raw("cdr-json", json), NOW))).containsExactlyInAnyOrder(
                reason(CdrReason.INVALID_NUMBER, "calling_number"),
                reason(CdrReason.DURATION_TOO_LONG, "duration_sec"),
                reason(CdrReason.FUTURE_START, "start_time"));
    }

    @Test
    void everyProblemOfARecordIsReportedAtOnce() {
        assertThat(reasons(mediateJson(
                        "id", ABSENT,
                        "calling_number", "s",
                        "called_number", "",
                        "start_time", "2099-01-01T00:00:00Z",
                        "duration_sec", -3,
                        "type", "FAX",
                        "result", "CONGESTION")))
                .containsExactlyInAnyOrder(
                        reason(CdrReason.MISSING_FIELD, "id"),
                        reason(CdrReason.INVALID_NUMBER, "calling_number"),
                        reason(CdrReason.MISSING_FIELD, "called_number"),
                        reason(CdrReason.FUTURE_START, "start_time"),
                        reason(CdrReason.NEGATIVE_DURATION, "duration_sec"),
                        reason(CdrReason.UNKNOWN_TYPE, "type"),
                        reason(CdrReason.UNKNOWN_RESULT, "result"));
    }

    @Test
    void smsDurationProblemsAddUp() {
        assertThat(reasons(mediateJson("type", "SMS", "duration_sec", 100_000))).containsExactlyInAnyOrder(
                reason(CdrReason.DURATION_TOO_LONG, "duration_sec"),
                reason(CdrReason.SMS_WITH_DURATION, "duration_sec"));
    }

    @Test
    void emptyObjectIsMissingEveryRequiredField() {
        assertThat(reasons(CdrFixtures.mediate("cdr-json", "{}")))
                .extracting(r -> r.code() + ":" + r.field())
                .containsExactlyInAnyOrder("MISSING_FIELD:id", "MISSING_FIELD:calling_number",
                        "MISSING_FIELD:called_number", "MISSING_FIELD:start_time", "MISSING_FIELD:type",
                        "MISSING_FIELD:result");
    }

    @Test
    void unparsableHasNoField() {
        assertThat(reasons(CdrFixtures.mediate("cdr-json", "nope"))).singleElement()
                .satisfies(r -> assertThat(r.field()).isNull())
                .hasToString("UNPARSABLE");
    }
}
