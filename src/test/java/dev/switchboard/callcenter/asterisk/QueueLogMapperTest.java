package dev.switchboard.callcenter.asterisk;

import static dev.switchboard.callcenter.asterisk.QueueLogLineTest.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.callcenter.CallEvent;
import dev.switchboard.callcenter.CallEventType;
import dev.switchboard.callcenter.CallReason;
import dev.switchboard.mediation.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Single decisions of the mapping, one or a few lines at a time. */
class QueueLogMapperTest {
    private final QueueLogMapper mapper = new QueueLogMapper();

    private CallEvent emitted(String text) {
        QueueLogMapper.Outcome outcome = mapper.map(line(text));
        if (outcome instanceof QueueLogMapper.Outcome.Emitted e) return e.event();
        throw new AssertionError("expected an event, got " + outcome);
    }

    private QueueLogMapper.Outcome outcome(String text) {
        return mapper.map(line(text));
    }

    @Test
    void enterQueueCarriesTheCallerAndConnectTheHoldtimeAndAgent() {
        CallEvent queued = emitted("1000|c1|support|NONE|ENTERQUEUE||2015550123|1");
        assertThat(queued.event()).isEqualTo(CallEventType.QUEUED);
        assertThat(queued.callerNumber()).isEqualTo("2015550123");
        assertThat(queued.agent()).isNull();
        CallEvent answered = emitted("1008|c1|support|PJSIP/400|CONNECT|8|1000.1|7");
        assertThat(answered.waitSec()).isEqualTo(8);
        assertThat(answered.agent()).isEqualTo("PJSIP/400");
        assertThat(answered.callerNumber()).isEqualTo("2015550123");
    }

    @Test
    void theDidLoggedBeforeEnterQueueIsTheNumberDialledOfThatEntryOnly() {
        assertThat(outcome("999|c1|support|NONE|DID|8005550100")).isInstanceOf(QueueLogMapper.Outcome.Skipped.class);
        assertThat(outcome("999|c2|support|NONE|DID|")).isInstanceOf(QueueLogMapper.Outcome.Skipped.class);
        CallEvent queued = emitted("1000|c1|support|NONE|ENTERQUEUE||2015550123|1");
        assertThat(queued.dialledNumber()).isEqualTo("8005550100");
        assertThat(emitted("1008|c1|support|PJSIP/400|CONNECT|8|1000.1|7").dialledNumber()).isNull();
        assertThat(emitted("1000|c2|support|NONE|ENTERQUEUE||2015550124|1").dialledNumber()).as("an empty DID").isNull();
        emitted("1030|c1|support|NONE|COMPLETECALLER|8|22|1");
        assertThat(emitted("1031|c1|overflow|NONE|ENTERQUEUE||2015550123|1").dialledNumber()).as("used by one entry").isNull();
    }

    @Test
    void anEmptyCalleridIsAWithheldCaller() {
        assertThat(emitted("1000|c1|support|NONE|ENTERQUEUE||").callerNumber()).isEqualTo("anonymous");
        assertThat(emitted("1000|c2|support|NONE|ENTERQUEUE").callerNumber()).isEqualTo("anonymous");
    }

    @Test
    void anEndWithoutAgentTakesTheAgentWhoAnswered() {
        emitted("1000|c1|support|NONE|ENTERQUEUE||200|1");
        emitted("1005|c1|support|SIP/201|CONNECT|5|x|1");
        assertThat(emitted("1065|c1|support|NONE|COMPLETECALLER|5|60|1").agent()).isEqualTo("SIP/201");
    }

    @Test
    void eachNewEntryOfACallidGetsANumberedId() {
        assertThat(emitted("1000|c1|a|NONE|ENTERQUEUE||200|1").callId()).isEqualTo("c1");
        assertThat(emitted("1030|c1|a|NONE|EXITWITHTIMEOUT|1|1|30").callId()).isEqualTo("c1");
        assertThat(emitted("1031|c1|b|NONE|ENTERQUEUE||200|1").callId()).isEqualTo("c1#2");
        assertThat(emitted("1040|c1|b|NONE|ABANDON|1|1|9").callId()).isEqualTo("c1#2");
        assertThat(emitted("1041|c1|c|NONE|ENTERQUEUE||200|1").callId()).isEqualTo("c1#3");
    }

    @Test
    void aCallSeenFirstMidwayStillEmitsWithoutCaller() {
        CallEvent answered = emitted("1008|c9|support|SIP/201|CONNECT|8|x|7");
        assertThat(answered.callerNumber()).isNull();
        assertThat(answered.callId()).isEqualTo("c9");
        assertThat(emitted("1100|c9|support|SIP/201|COMPLETEAGENT|8|92|1").talkSec()).isEqualTo(92);
        assertThat(emitted("1200|c9|support|NONE|ENTERQUEUE||200|1").callId()).isEqualTo("c9#2");
    }

    @Test
    void aSecondEndOfTheSameEntryIsSkipped() {
        emitted("1000|c1|support|NONE|ENTERQUEUE||200|1");
        emitted("1005|c1|support|SIP/201|CONNECT|5|x|1");
        assertThat(emitted("1065|c1|support|SIP/201|TRANSFER|500|ctx|5|60|1").event()).isEqualTo(CallEventType.ENDED);
        assertThat(outcome("1066|c1|support|SIP/201|COMPLETEAGENT|5|61|1")).isInstanceOf(QueueLogMapper.Outcome.Skipped.class);
        assertThat(outcome("1067|c1|support|NONE|ABANDON|1|1|67")).isInstanceOf(QueueLogMapper.Outcome.Skipped.class);
    }

    @Test
    void oldStyleExitsWithoutWaittimeAreTimedFromTheirEnterQueue() {
        emitted("1000|c1|support|NONE|ENTERQUEUE||200");
        assertThat(emitted("1042|c1|support|NONE|EXITWITHTIMEOUT|1").waitSec()).isEqualTo(42);
        emitted("2000|c2|support|NONE|ENTERQUEUE||200");
        assertThat(emitted("2007|c2|support|NONE|EXITWITHKEY|5|1").waitSec()).isEqualTo(7);
        assertThat(outcome("3000|c3|support|NONE|EXITWITHTIMEOUT|1"))
                .isEqualTo(new QueueLogMapper.Outcome.Unusable(List.of(Reason.of(CallReason.MISSING_FIELD, "wait_sec"))));
    }

    @Test
    void transfersTakeTheirTimesFromWhereEachVersionWritesThem() {
        CallEvent blind = emitted("1000|c1|q|SIP/1|BLINDTRANSFER|500|from-internal|4|50|1");
        assertThat(List.of(blind.waitSec(), blind.talkSec())).containsExactly(4, 50);
        CallEvent bridge = emitted("1000|c2|q|SIP/1|ATTENDEDTRANSFER|BRIDGE|b-uuid|5|51|1");
        assertThat(List.of(bridge.waitSec(), bridge.talkSec())).containsExactly(5, 51);
        CallEvent link = emitted("1000|c3|q|SIP/1|ATTENDEDTRANSFER|LINK|SIP/1-01|SIP/2-02|6|52|1");
        assertThat(List.of(link.waitSec(), link.talkSec())).containsExactly(6, 52);
        CallEvent old = emitted("1000|c4|q|SIP/1|TRANSFER|500|from-internal|7|53");
        assertThat(List.of(old.waitSec(), old.talkSec())).containsExactly(7, 53);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "1000|NONE|support|SIP/201|ADDMEMBER|", "1000|NONE|NONE|NONE|QUEUESTART|", "1000|c1|support|SIP/201|RINGNOANSWER|15000",
            "1000|c1|support|SIP/201|RINGCANCELED|1500", "1000|c1|support|NONE|DID|5551234", "1000|c1|support|NONE|SOMETHINGNEW|1",
            "1000|MANAGER|support|SIP/201|PAUSE|lunch", "1000|REALTIME|support|Agent/1|AGENTLOGIN|SIP/201"})
    void linesOfNoInterestAreSkipped(String text) {
        assertThat(outcome(text)).isInstanceOf(QueueLogMapper.Outcome.Skipped.class);
    }

    @Test
    void timesThatAreNotSecondsMakeTheLineUnusableAndChangeNoState() {
        assertThat(outcome("1000|c1|q|SIP/1|COMPLETECALLER|-3|1e3|1")).isEqualTo(new QueueLogMapper.Outcome.Unusable(
                List.of(Reason.of(CallReason.NEGATIVE_DURATION, "wait_sec"), Reason.of(CallReason.INVALID_VALUE, "talk_sec"))));
        assertThat(outcome("1000|c1|NONE|SIP/1|COMPLETECALLER|3|86401|1")).isEqualTo(new QueueLogMapper.Outcome.Unusable(
                List.of(Reason.of(CallReason.MISSING_FIELD, "queue"), Reason.of(CallReason.DURATION_TOO_LONG, "talk_sec"))));
        assertThat(outcome("1000|c1|q|SIP/1|CONNECT")).isEqualTo(new QueueLogMapper.Outcome.Unusable(
                List.of(Reason.of(CallReason.MISSING_FIELD, "wait_sec"))));
        assertThat(emitted("1001|c1|q|NONE|ENTERQUEUE||200|1").callId()).isEqualTo("c1");
    }
}
