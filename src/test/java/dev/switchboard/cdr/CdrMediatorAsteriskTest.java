package dev.switchboard.cdr;

import static dev.switchboard.cdr.CdrFixtures.ASTERISK_16;
import static dev.switchboard.cdr.CdrFixtures.ASTERISK_17;
import static dev.switchboard.cdr.CdrFixtures.ASTERISK_18;
import static dev.switchboard.cdr.CdrFixtures.ASTERISK_21;
import static dev.switchboard.cdr.CdrFixtures.ASTERISK_NO_ANSWER;
import static dev.switchboard.cdr.CdrFixtures.ASTERISK_NO_ANSWER_OLD_STYLE;
import static dev.switchboard.cdr.CdrFixtures.NOW;
import static dev.switchboard.cdr.CdrFixtures.clean;
import static dev.switchboard.cdr.CdrFixtures.raw;
import static dev.switchboard.cdr.CdrFixtures.reason;
import static dev.switchboard.cdr.CdrFixtures.reasons;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.mediation.Mediated;
import dev.switchboard.mediation.Reason;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The asterisk-cdr format: Master.csv lines of Asterisk's cdr_csv. */
class CdrMediatorAsteriskTest {
    private static Mediated<Cdr> mediate(String line) {
        return CdrFixtures.mediate("asterisk-cdr", line);
    }

    /** Replaces the column at a position (0-based) of a fixture line, written as the raw CSV text. */
    private static String withColumn(String line, int index, String csvText) {
        List<String> parts = new java.util.ArrayList<>();
        for (String column : AsteriskCdrLine.parse(line).columns())
            parts.add("\"" + column.replace("\"", "\"\"") + "\"");
        parts.set(index, csvText);
        return String.join(",", parts);
    }

    @Test
    void answeredCallMapsSrcDstStartBillsecAndVoice() {
        Cdr cdr = clean(mediate(ASTERISK_21));
        assertThat(cdr).isEqualTo(new Cdr("1772359200.17-42", "+12015550123", "+16502530000",
                Instant.parse("2026-03-01T10:00:00Z"), 60, CdrType.VOICE, CdrResult.ANSWERED, null));
    }

    @Test
    void durationIsBillsecTheTalkTimeNotTheRingingDuration() {
        // duration 65 (from start), billsec 60 (from answer)
        assertThat(clean(mediate(ASTERISK_16)).durationSec()).isEqualTo(60);
    }

    @ParameterizedTest
    @ValueSource(strings = {ASTERISK_16, ASTERISK_17, ASTERISK_18, ASTERISK_21})
    void everyColumnLayoutIsClean(String line) {
        assertThat(mediate(line)).isInstanceOf(Mediated.Clean.class);
    }

    @Test
    void startIsLocalTimeInTheSourceZone() {
        CdrRules berlin = new CdrRules("US", ZoneId.of("Europe/Berlin"), Duration.ofMinutes(5),
                Duration.ofDays(9125), 86_400, 6);
        Mediated<Cdr> mediated = new CdrMediator(berlin).mediate(raw("asterisk-cdr", ASTERISK_16), NOW);
        assertThat(clean(mediated).startTime()).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
    }

    @Test
    void accountcodeIsTheOperator() {
        assertThat(clean(mediate(withColumn(ASTERISK_16, 0, "\" carrier-7 \""))).operator()).isEqualTo("carrier-7");
        assertThat(clean(mediate(ASTERISK_16)).operator()).isNull();
    }

    @Test
    void unansweredLegWithEmptyUnquotedAnswerIsCleanNoAnswer() {
        Cdr cdr = clean(mediate(ASTERISK_NO_ANSWER));
        assertThat(cdr.result()).isEqualTo(CdrResult.NO_ANSWER);
        assertThat(cdr.durationSec()).isZero();
        assertThat(cdr.callingNumber()).isEqualTo("1500");
        assertThat(cdr.id()).matches("1772355600\\.3-[0-9a-f]{12}");
    }

    @Test
    void oldStyleQuotedEmptyAnswerGivesTheSameCdr() {
        assertThat(clean(mediate(ASTERISK_NO_ANSWER_OLD_STYLE))).isEqualTo(clean(mediate(ASTERISK_NO_ANSWER)));
    }

    @ParameterizedTest
    @CsvSource({"ANSWERED,ANSWERED", "NO ANSWER,NO_ANSWER", "BUSY,BUSY", "FAILED,FAILED", "CONGESTION,FAILED",
        "congestion,FAILED"})
    void dispositionBecomesTheResult(String disposition, CdrResult result) {
        assertThat(clean(mediate(withColumn(ASTERISK_18, 14, "\"" + disposition + "\""))).result()).isEqualTo(result);
    }

    @Test
    void otherDispositionIsAnUnknownResult() {
        assertThat(reasons(mediate(withColumn(ASTERISK_18, 14, "\"UNKNOWN\""))))
                .containsExactly(reason(CdrReason.UNKNOWN_RESULT, "result"));
    }

    @Test
    void dialplanNamesInsteadOfNumbersAreInvalidNumbers() {
        String line = withColumn(withColumn(ASTERISK_18, 1, "\"anonymous\""), 2, "\"s\"");
        assertThat(reasons(mediate(line))).containsExactlyInAnyOrder(
                reason(CdrReason.INVALID_NUMBER, "calling_number"),
                reason(CdrReason.INVALID_NUMBER, "called_number"));
    }

    @Test
    void emptySrcIsAMissingCallingNumber() {
        assertThat(reasons(mediate(withColumn(ASTERISK_18, 1, "\"\""))))
                .containsExactly(reason(CdrReason.MISSING_FIELD, "calling_number"));
    }

    @Test
    void emptyStartIsMissingWhetherQuotedOrNot() {
        assertThat(reasons(mediate(withColumn(ASTERISK_18, 9, ""))))
                .containsExactly(reason(CdrReason.MISSING_FIELD, "start_time"));
        assertThat(reasons(mediate(withColumn(ASTERISK_18, 9, "\"\""))))
                .containsExactly(reason(CdrReason.MISSING_FIELD, "start_time"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-03-01T10:00:00Z\"", "\"2026-02-30 10:00:00\"", "\"01/03/2026 10:00\""})
    void startInAnotherShapeIsInvalid(String start) {
        assertThat(reasons(mediate(withColumn(ASTERISK_18, 9, start))))
                .containsExactly(reason(CdrReason.INVALID_VALUE, "start_time"));
    }

    @Test
    void billsecThatIsNoIntegerIsInvalid() {
        assertThat(reasons(mediate(withColumn(ASTERISK_18, 13, "\"1.5\""))))
                .containsExactly(reason(CdrReason.INVALID_VALUE, "duration_sec"));
    }

    @Test
    void emptyBillsecIsAMissingDuration() {
        assertThat(reasons(mediate(withColumn(ASTERISK_18, 13, ""))))
                .containsExactly(reason(CdrReason.MISSING_FIELD, "duration_sec"));
    }

    @Test
    void twoLinesSharingAUniqueidBecomeTwoCdrsWithDistinctIds() {
        String retry = withColumn(ASTERISK_NO_ANSWER, 9, "\"2026-03-01 09:00:21\"");
        String first = clean(mediate(ASTERISK_NO_ANSWER)).id();
        String second = clean(mediate(retry)).id();
        assertThat(first).isNotEqualTo(second);
        assertThat(clean(mediate(ASTERISK_NO_ANSWER)).id()).isEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 15, 22, 30})
    void lineWithTooFewOrTooManyColumnsIsUnparsable(int columns) {
        String line = String.join(",", java.util.Collections.nCopies(columns, "\"x\""));
        assertThat(reasons(mediate(line))).containsExactly(Reason.of(CdrReason.UNPARSABLE));
    }

    @Test
    void headerOrCommentLineIsUnparsable() {
        assertThat(reasons(mediate("accountcode,src,dst"))).containsExactly(Reason.of(CdrReason.UNPARSABLE));
    }
}
