package dev.switchboard.ivr;

import static dev.switchboard.ivr.IvrFixtures.MEDIATOR;
import static dev.switchboard.ivr.IvrFixtures.clean;
import static dev.switchboard.ivr.IvrFixtures.mediate;
import static dev.switchboard.ivr.IvrFixtures.raw;
import static dev.switchboard.ivr.IvrFixtures.reasons;
import static dev.switchboard.ivr.IvrFixtures.session;
import static dev.switchboard.ivr.IvrFixtures.turn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.mediation.RawRecord;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every cleaning rule of {@link IvrMediator}: what is normalised and each reason a session is refused for. */
class IvrMediatorTest {
    @Test
    void validSessionIsCleanAsGiven() {
        IvrSession s = clean(mediate(session()));
        assertThat(s.sessionId()).isEqualTo("s-1");
        assertThat(s.customerId()).isEqualTo("c-1");
        assertThat(s.callStartTime()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(s.callEndTime()).isEqualTo(Instant.parse("2026-03-02T10:02:00Z"));
        assertThat(s.callDurationSec()).isEqualTo(120);
        assertThat(s.resolutionStatus()).isEqualTo(IvrStatus.RESOLVED);
        assertThat(s.turns()).hasSize(2);
        assertThat(s.turns().get(0).intentDetected()).isEqualTo("Y");
        assertThat(s.turns().get(0).confidenceScore()).isEqualByComparingTo("0.91");
        assertThat(s.turns().get(1).intentDetected()).isEqualTo("N");
        assertThat(s.conversation()).isEqualTo("Customer: My payment failed\nChatbot: I can help with that");
    }

    @Test
    void stringsAreTrimmedAndBlankIsAbsent() {
        ObjectNode in = session().put("session_id", "  s-1\t").put("topic_name", " Payment Issue ").put("initial_intent", "   ");
        ((ObjectNode) in.get("turns").get(0)).put("text", "  My payment failed  ");
        IvrSession s = clean(mediate(in));
        assertThat(s.sessionId()).isEqualTo("s-1");
        assertThat(s.topicName()).isEqualTo("Payment Issue");
        assertThat(s.initialIntent()).isNull();
        assertThat(s.turns().get(0).text()).isEqualTo("My payment failed");
    }

    @Test
    void numbersGivenForStringsAreTakenAsText() {
        assertThat(clean(mediate(session().put("customer_id", 4711))).customerId()).isEqualTo("4711");
    }

    @ParameterizedTest
    @CsvSource({"true,Y", "TRUE,Y", "yes,Y", "Yes,Y", "y,Y", "1,Y", "false,N", "no,N", "N,N", "n,N", "0,N"})
    void flagsBecomeYOrN(String given, String flag) {
        IvrSession s = clean(mediate(session().put("escalation_flag", given).put("system_error_flag", " " + given + " ")));
        assertThat(s.escalationFlag()).isEqualTo(flag);
        assertThat(s.systemErrorFlag()).isEqualTo(flag);
    }

    @Test
    void jsonBooleansAndNumbersAreFlagsToo() {
        ObjectNode in = session();
        in.put("escalation_flag", true);
        in.put("system_error_flag", 0);
        IvrSession s = clean(mediate(in));
        assertThat(s.escalationFlag()).isEqualTo("Y");
        assertThat(s.systemErrorFlag()).isEqualTo("N");
    }

    @Test
    void anUnknownFlagWordIsInvalid() {
        assertThat(reasons(mediate(session().put("escalation_flag", "maybe")))).containsExactly("INVALID_VALUE:escalation_flag");
    }

    @Test
    void absentFlagsAreDerived() {
        ObjectNode in = session().put("resolution_status", "Escalated");
        in.remove("escalation_flag");
        in.remove("system_error_flag");
        IvrSession s = clean(mediate(in));
        assertThat(s.escalationFlag()).isEqualTo("Y");
        assertThat(s.systemErrorFlag()).isEqualTo("N");
        ObjectNode resolved = session();
        resolved.remove("escalation_flag");
        assertThat(clean(mediate(resolved)).escalationFlag()).isEqualTo("N");
    }

    @ParameterizedTest
    @CsvSource({"resolved,RESOLVED", "ESCALATED,ESCALATED", " abandoned ,ABANDONED"})
    void statusIsWrittenInItsCanonicalCase(String given, IvrStatus status) {
        assertThat(clean(mediate(session().put("resolution_status", given))).resolutionStatus()).isEqualTo(status);
    }

    @Test
    void unknownStatusSentimentAndSpeakerAreRejected() {
        ObjectNode in = session().put("resolution_status", "Closed").put("customer_sentiment", "Furious");
        ((ObjectNode) in.get("turns").get(1)).put("speaker", "Robot");
        assertThat(reasons(mediate(in))).containsExactlyInAnyOrder("UNKNOWN_STATUS:resolution_status",
                "UNKNOWN_SENTIMENT:customer_sentiment", "UNKNOWN_SPEAKER:turns[1].speaker");
    }

    @Test
    void sentimentAndSpeakerAreWrittenInTheirCanonicalCase() {
        ObjectNode in = session().put("customer_sentiment", "NEGATIVE");
        ((ObjectNode) in.get("turns").get(1)).put("speaker", "chatBOT");
        IvrSession s = clean(mediate(in));
        assertThat(s.customerSentiment()).isEqualTo("Negative");
        assertThat(s.turns().get(1).speaker()).isEqualTo(IvrSpeaker.CHATBOT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"session_id", "customer_id", "call_start_time", "resolution_status"})
    void requiredFieldsMustBePresentAndNotBlank(String field) {
        ObjectNode absent = session();
        absent.remove(field);
        assertThat(reasons(mediate(absent))).containsExactly("MISSING_FIELD:" + field);
        assertThat(reasons(mediate(session().put(field, "  ")))).containsExactly("MISSING_FIELD:" + field);
        assertThat(reasons(mediate(session().putNull(field)))).containsExactly("MISSING_FIELD:" + field);
    }

    @Test
    void withoutEndAndDurationTheEndIsMissing() {
        ObjectNode in = session();
        in.remove("call_end_time");
        in.remove("call_duration_sec");
        assertThat(reasons(mediate(in))).containsExactly("MISSING_FIELD:call_end_time");
    }

    @Test
    void anAbsentEndIsStartPlusDuration() {
        ObjectNode in = session().put("call_duration_sec", "95");
        in.remove("call_end_time");
        IvrSession s = clean(mediate(in));
        assertThat(s.callEndTime()).isEqualTo(Instant.parse("2026-03-02T10:01:35Z"));
        assertThat(s.callDurationSec()).isEqualTo(95);
    }

    @Test
    void durationIsRecomputedWhenMissing() {
        ObjectNode in = session();
        in.remove("call_duration_sec");
        assertThat(clean(mediate(in)).callDurationSec()).isEqualTo(120);
    }

    @ParameterizedTest
    @CsvSource({"119,119", "121,121", "118,120", "122,120", "0,120", "-5,120", "9999,120"})
    void durationIsKeptWithinOneSecondOfEndMinusStartElseRecomputed(int given, int kept) {
        assertThat(clean(mediate(session().put("call_duration_sec", given))).callDurationSec()).isEqualTo(kept);
    }

    @Test
    void durationIsWholeSecondsOfTheSpanWithFractionsCutOff() {
        ObjectNode in = session().put("call_end_time", "2026-03-02T10:02:00.900Z");
        in.remove("call_duration_sec");
        assertThat(clean(mediate(in)).callDurationSec()).isEqualTo(120);
    }

    @Test
    void aNegativeDurationWithoutEndIsInvalid() {
        ObjectNode in = session().put("call_duration_sec", -3);
        in.remove("call_end_time");
        assertThat(reasons(mediate(in))).containsExactly("INVALID_VALUE:call_duration_sec");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.5", "twelve", "1e3"})
    void aDurationThatIsNotWholeSecondsIsInvalid(String given) {
        assertThat(reasons(mediate(session().put("call_duration_sec", given)))).containsExactly("INVALID_VALUE:call_duration_sec");
    }

    @Test
    void endBeforeStartIsRejected() {
        assertThat(reasons(mediate(session().put("call_end_time", "2026-03-02T09:59:59Z")))).containsExactly("END_BEFORE_START:call_end_time");
    }

    @Test
    void aSessionOverADayIsRejected() {
        assertThat(reasons(mediate(session().put("call_end_time", "2026-03-03T10:00:01Z")))).containsExactly("DURATION_TOO_LONG:call_end_time");
    }

    @Test
    void timesWithAnOffsetAreConvertedToUtcAndUnreadableOnesRejected() {
        assertThat(clean(mediate(session().put("call_start_time", "2026-03-02T11:00:00+01:00"))).callStartTime())
                .isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(reasons(mediate(session().put("call_start_time", "2026-03-02 10:00")))).containsExactly("INVALID_VALUE:call_start_time");
        assertThat(reasons(mediate(session().put("call_end_time", "yesterday")))).containsExactly("INVALID_VALUE:call_end_time");
        ObjectNode badTurn = session();
        ((ObjectNode) badTurn.get("turns").get(0)).put("timestamp", "10:00");
        assertThat(reasons(mediate(badTurn))).containsExactly("INVALID_VALUE:turns[0].timestamp");
    }

    @Test
    void turnsArePutInTimeOrderAndNumberedFromOne() {
        ObjectNode in = session();
        ArrayNode turns = in.putArray("turns");
        turns.add(turn(7, "2026-03-02T10:00:30Z", "Agent", "third", null, null));
        turns.add(turn(3, "2026-03-02T10:00:10Z", "Customer", "first", null, null));
        turns.add(turn(2, "2026-03-02T10:00:20Z", "Chatbot", "second b", null, null));
        turns.add(turn(1, "2026-03-02T10:00:20Z", "Customer", "second a", null, null));
        IvrSession s = clean(mediate(in));
        assertThat(s.turns()).extracting(IvrTurn::turnNumber).containsExactly(1, 2, 3, 4);
        assertThat(s.turns()).extracting(IvrTurn::text).containsExactly("first", "second a", "second b", "third");
    }

    @Test
    void aTurnNeedsSpeakerAndTimestamp() {
        ObjectNode in = session();
        ((ObjectNode) in.get("turns").get(0)).remove("speaker");
        ((ObjectNode) in.get("turns").get(1)).remove("timestamp");
        assertThat(reasons(mediate(in))).containsExactlyInAnyOrder("MISSING_FIELD:turns[0].speaker", "MISSING_FIELD:turns[1].timestamp");
    }

    @Test
    void turnsMustBeAnArrayOfObjects() {
        assertThat(reasons(mediate(session().put("turns", "hello")))).containsExactly("INVALID_VALUE:turns");
        ObjectNode in = session();
        ((ArrayNode) in.get("turns")).add(5);
        assertThat(reasons(mediate(in))).containsExactly("INVALID_VALUE:turns[2]");
        ObjectNode none = session();
        none.remove("turns");
        assertThat(clean(mediate(none)).turns()).isEmpty();
    }

    @Test
    void tooManyTurnsAreRejected() {
        ObjectNode in = session();
        ArrayNode turns = in.putArray("turns");
        for (int i = 0; i <= IvrMediator.MAX_TURNS; i++) turns.add(turn(i, "2026-03-02T10:00:30Z", "Customer", "x", null, null));
        assertThat(reasons(mediate(in))).containsExactly("TOO_MANY_TURNS:turns");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "1.01", "91"})
    void confidenceOutsideZeroToOneIsRejected(String given) {
        ObjectNode in = session();
        ((ObjectNode) in.get("turns").get(0)).put("confidence_score", new BigDecimal(given));
        assertThat(reasons(mediate(in))).containsExactly("CONFIDENCE_OUT_OF_RANGE:turns[0].confidence_score");
    }

    @Test
    void confidenceMayBeATextNumberAndTheBoundsAreIn() {
        ObjectNode in = session();
        ((ObjectNode) in.get("turns").get(0)).put("confidence_score", " 1 ");
        ((ObjectNode) in.get("turns").get(1)).put("confidence_score", 0);
        IvrSession s = clean(mediate(in));
        assertThat(s.turns().get(0).confidenceScore()).isEqualByComparingTo("1");
        assertThat(s.turns().get(1).confidenceScore()).isEqualByComparingTo("0");
        ((ObjectNode) in.get("turns").get(0)).put("confidence_score", "high");
        assertThat(reasons(mediate(in))).containsExactly("INVALID_VALUE:turns[0].confidence_score");
    }

    @Test
    void intentDetectedIsAFlagDerivedFromTheIntentNameWhenAbsent() {
        ObjectNode in = session();
        ((ObjectNode) in.get("turns").get(0)).put("intent_detected", "no");
        assertThat(clean(mediate(in)).turns().get(0).intentDetected()).isEqualTo("N");
        ((ObjectNode) in.get("turns").get(0)).put("intent_detected", "perhaps");
        assertThat(reasons(mediate(in))).containsExactly("INVALID_VALUE:turns[0].intent_detected");
    }

    @Test
    void aStringFieldHoldingAnObjectIsInvalid() {
        ObjectNode in = session();
        in.putObject("topic_name").put("a", 1);
        assertThat(reasons(mediate(in))).containsExactly("INVALID_VALUE:topic_name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[1,2]", "{\"session_id\":\"a\"} trailing", "{\"session_id\":"})
    void whatIsNotOneJsonObjectIsUnparsable(String payload) {
        assertThat(reasons(MEDIATOR.mediate(raw(payload)))).containsExactly("UNPARSABLE");
    }

    @Test
    void anotherFormatIsUnparsable() {
        RawRecord other = new RawRecord("t", "cdr-json", Instant.EPOCH, session().toString());
        assertThat(reasons(MEDIATOR.mediate(other))).containsExactly("UNPARSABLE");
    }

    @Test
    void everyReasonIsListed() {
        ObjectNode in = session().put("call_start_time", "x").put("resolution_status", "?").put("system_error_flag", "?");
        in.remove("customer_id");
        assertThat(reasons(mediate(in))).containsExactlyInAnyOrder("MISSING_FIELD:customer_id", "INVALID_VALUE:call_start_time",
                "UNKNOWN_STATUS:resolution_status", "INVALID_VALUE:system_error_flag");
    }

    @Test
    void aCleanSessionMediatesToItselfAgain() {
        IvrSession once = clean(mediate(session()));
        IvrSession twice = clean(MEDIATOR.mediate(raw(dev.switchboard.platform.Json.write(once))));
        assertThat(twice).isEqualTo(once);
    }
}
