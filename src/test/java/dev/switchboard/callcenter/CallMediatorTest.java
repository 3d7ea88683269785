package dev.switchboard.callcenter;

import static dev.switchboard.callcenter.CallFixtures.ABSENT;
import static dev.switchboard.callcenter.CallFixtures.clean;
import static dev.switchboard.callcenter.CallFixtures.event;
import static dev.switchboard.callcenter.CallFixtures.mediate;
import static dev.switchboard.callcenter.CallFixtures.mediateJson;
import static dev.switchboard.callcenter.CallFixtures.reason;
import static dev.switchboard.callcenter.CallFixtures.reasons;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.callcenter.CallEventType;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The call-json format: what passes, how it is normalized, and every reason a record is refused. */
class CallMediatorTest {
    private static final CallEventType QUEUED = CallEventType.QUEUED;
    private static final CallEventType ANSWERED = CallEventType.ANSWERED;
    private static final CallEventType ABANDONED = CallEventType.ABANDONED;
    private static final CallEventType ENDED = CallEventType.ENDED;

    @ParameterizedTest
    @EnumSource(CallEventType.class)
    void validEventOfEachTypeIsCleanWithTheNumberInE164(CallEventType type) {
        assertThat(clean(mediateJson(type))).isEqualTo(event(type));
    }

    @Test
    void textIsTrimmedAndEventAndSubjectMayBeAnyCase() {
        CallEvent event = clean(mediateJson(ENDED, "queue", "  support ", "agent", " SIP/201\t",
                "event", "ended", "subject", "complaint", "call_id", " q-1 "));
        assertThat(event).isEqualTo(event(ENDED));
    }

    @Test
    void timeWithAnOffsetIsConvertedToUtc() {
        assertThat(clean(mediateJson(QUEUED, "time", "2026-03-01T11:15:30+01:00")).time())
                .isEqualTo(Instant.parse("2026-03-01T10:15:30Z"));
    }

    @Test
    void numbersMayArriveAsJsonNumbersOrIntegerStrings() {
        CallEvent event = clean(mediateJson(ANSWERED, "call_id", 17, "caller_number", 2015550123L, "wait_sec", " 12 "));
        assertThat(event.callId()).isEqualTo("17");
        assertThat(event.callerNumber()).isEqualTo("+12015550123");
        assertThat(event.waitSec()).isEqualTo(12);
    }

    @Test
    void anInternalExtensionIsKeptAsItsDigits() {
        assertThat(clean(mediateJson(QUEUED, "caller_number", "200")).callerNumber()).isEqualTo("200");
    }

    @ParameterizedTest
    @ValueSource(strings = {"anonymous", "Anonymous", "unknown", "<unknown>", "PRIVATE", "withheld", "restricted", "unavailable"})
    void aWithheldCallerIsAcceptedWithoutNumber(String withheld) {
        assertThat(clean(mediateJson(QUEUED, "caller_number", withheld)).callerNumber()).isNull();
    }

    @Test
    void callerNumberIsRequiredOnQueuedOnly() {
        assertThat(reasons(mediateJson(QUEUED, "caller_number", ABSENT)))
                .containsExactly(reason(CallReason.MISSING_FIELD, "caller_number"));
        assertThat(reasons(mediateJson(QUEUED, "caller_number", "  ")))
                .containsExactly(reason(CallReason.MISSING_FIELD, "caller_number"));
        assertThat(clean(mediateJson(ANSWERED, "caller_number", ABSENT)).callerNumber()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"s", "12345678901234567890", "555-CALL-NOW", "+1 (999) 000-0000", "0000000"})
    void anUnusableNumberIsInvalid(String number) {
        assertThat(reasons(mediateJson(QUEUED, "caller_number", number)))
                .containsExactly(reason(CallReason.INVALID_NUMBER, "caller_number"));
    }

    @Test
    void theNumberDialledIsOptionalAndNormalizedLikeTheCallers() {
        assertThat(clean(mediateJson(QUEUED, "dialled_number", "(800) 555-0100")).dialledNumber()).isEqualTo("+18005550100");
        assertThat(clean(mediateJson(QUEUED, "dialled_number", "7001")).dialledNumber()).as("an internal DID").isEqualTo("7001");
        assertThat(clean(mediateJson(QUEUED)).dialledNumber()).isNull();
        assertThat(reasons(mediateJson(QUEUED, "dialled_number", "hotline")))
                .containsExactly(reason(CallReason.INVALID_NUMBER, "dialled_number"));
    }

    @Test
    void callIdEventTimeAndQueueAreRequired() {
        assertThat(reasons(mediateJson(ENDED, "call_id", ABSENT, "event", ABSENT, "time", "", "queue", " ")))
                .containsExactly(reason(CallReason.MISSING_FIELD, "call_id"), reason(CallReason.MISSING_FIELD, "event"),
                        reason(CallReason.MISSING_FIELD, "time"), reason(CallReason.MISSING_FIELD, "queue"));
    }

    @Test
    void unknownEventAndSubjectAreNamed() {
        assertThat(reasons(mediateJson(ENDED, "event", "TRANSFERRED")))
                .containsExactly(reason(CallReason.UNKNOWN_EVENT, "event"));
        assertThat(reasons(mediateJson(ENDED, "subject", "BILLING")))
                .containsExactly(reason(CallReason.UNKNOWN_SUBJECT, "subject"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-01 10:15:30", "2026-03-01T10:15:30", "yesterday", "2026-02-30T10:00:00Z", "1772359200"})
    void timeMustBeAnIsoInstant(String time) {
        assertThat(reasons(mediateJson(QUEUED, "time", time))).containsExactly(reason(CallReason.INVALID_VALUE, "time"));
    }

    @Test
    void waitIsRequiredOnAnsweredAndAbandonedAndTalkOnEnded() {
        assertThat(reasons(mediateJson(ANSWERED, "wait_sec", ABSENT))).containsExactly(reason(CallReason.MISSING_FIELD, "wait_sec"));
        assertThat(reasons(mediateJson(ABANDONED, "wait_sec", ABSENT))).containsExactly(reason(CallReason.MISSING_FIELD, "wait_sec"));
        assertThat(reasons(mediateJson(ENDED, "talk_sec", ABSENT))).containsExactly(reason(CallReason.MISSING_FIELD, "talk_sec"));
        assertThat(clean(mediateJson(ENDED, "wait_sec", ABSENT)).waitSec()).isNull();
    }

    @Test
    void fieldsAnEventCannotCarryAreRefused() {
        assertThat(reasons(mediateJson(QUEUED, "wait_sec", 3, "talk_sec", 4, "subject", "OTHER", "product", "p")))
                .containsExactly(reason(CallReason.FIELD_NOT_ALLOWED, "wait_sec"), reason(CallReason.FIELD_NOT_ALLOWED, "talk_sec"),
                        reason(CallReason.FIELD_NOT_ALLOWED, "subject"), reason(CallReason.FIELD_NOT_ALLOWED, "product"));
        assertThat(reasons(mediateJson(ANSWERED, "talk_sec", 4))).containsExactly(reason(CallReason.FIELD_NOT_ALLOWED, "talk_sec"));
    }

    @Test
    void secondsMustBeWholeNonNegativeAndBelowADay() {
        assertThat(reasons(mediateJson(ENDED, "wait_sec", -1, "talk_sec", 86_401)))
                .containsExactly(reason(CallReason.NEGATIVE_DURATION, "wait_sec"), reason(CallReason.DURATION_TOO_LONG, "talk_sec"));
        assertThat(reasons(mediateJson(ENDED, "wait_sec", 1.5, "talk_sec", "ten")))
                .containsExactly(reason(CallReason.INVALID_VALUE, "wait_sec"), reason(CallReason.INVALID_VALUE, "talk_sec"));
        assertThat(reasons(mediateJson(ENDED, "talk_sec", "9".repeat(40))))
                .containsExactly(reason(CallReason.DURATION_TOO_LONG, "talk_sec"));
        assertThat(clean(mediateJson(ENDED, "talk_sec", 86_400)).talkSec()).isEqualTo(86_400);
    }

    @Test
    void fieldsOfTheWrongJsonTypeAreInvalid() {
        assertThat(reasons(mediateJson(ENDED, "call_id", new int[] {1}, "queue", java.util.Map.of("a", 1),
                "talk_sec", true, "agent", false)))
                .containsExactly(reason(CallReason.INVALID_VALUE, "call_id"), reason(CallReason.INVALID_VALUE, "queue"),
                        reason(CallReason.INVALID_VALUE, "agent"), reason(CallReason.INVALID_VALUE, "talk_sec"));
    }

    @Test
    void everyReasonIsReportedAtOnce() {
        assertThat(reasons(mediateJson(QUEUED, "call_id", ABSENT, "time", "noon", "caller_number", "s", "talk_sec", 1)))
                .containsExactly(reason(CallReason.MISSING_FIELD, "call_id"), reason(CallReason.INVALID_VALUE, "time"),
                        reason(CallReason.INVALID_NUMBER, "caller_number"), reason(CallReason.FIELD_NOT_ALLOWED, "talk_sec"));
    }

    @Test
    void withAnUnknownEventTheValuesAreStillJudged() {
        assertThat(reasons(mediateJson(ENDED, "event", "X", "talk_sec", -5)))
                .containsExactly(reason(CallReason.UNKNOWN_EVENT, "event"), reason(CallReason.NEGATIVE_DURATION, "talk_sec"));
    }

    @Test
    void unknownExtraFieldsAreIgnored() {
        String json = CallFixtures.json(ENDED).replace("{", "{\"ivr\":{\"path\":[1,2]},\"priority\":3,");
        assertThat(clean(mediate("call-json", json))).isEqualTo(event(ENDED));
    }

    @Test
    void anUnknownFormatIsUnparsable() {
        assertThat(reasons(mediate("call-csv", CallFixtures.json(QUEUED))))
                .containsExactly(reason(CallReason.UNPARSABLE, null));
    }

    @Test
    void theRegionMustBeOneLibphonenumberKnows() {
        assertThatThrownBy(() -> new CallMediator("XX")).isInstanceOf(IllegalArgumentException.class);
        assertThat(clean(new CallMediator(" gb ").mediate(CallFixtures.raw("call-json",
                CallFixtures.json(QUEUED, "caller_number", "020 7946 0958")))).callerNumber()).isEqualTo("+442079460958");
    }

    @Test
    void formatsAreNamedOnTheWire() {
        assertThat(CallFormat.byName("call-json")).contains(CallFormat.CALL_JSON);
        assertThat(CallFormat.byName("asterisk-queue-log")).contains(CallFormat.ASTERISK_QUEUE_LOG);
        assertThat(CallFormat.byName("CALL_JSON")).isEmpty();
        assertThat(CallFormat.ASTERISK_QUEUE_LOG.wireName()).isEqualTo("asterisk-queue-log");
    }
}
