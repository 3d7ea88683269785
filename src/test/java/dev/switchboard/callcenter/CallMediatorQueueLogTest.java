package dev.switchboard.callcenter;

import static dev.switchboard.callcenter.CallFixtures.mediate;
import static dev.switchboard.callcenter.CallFixtures.reasons;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.mediation.Reason;
import org.junit.jupiter.api.Test;

/** A raw asterisk-queue-log record is a line the reader could not use: always rejected, as precisely as the line allows. */
class CallMediatorQueueLogTest {
    private static final String FORMAT = "asterisk-queue-log";

    @Test
    void aLineThatIsNoQueueLogLineIsUnparsable() {
        assertThat(reasons(mediate(FORMAT, "hello|world"))).containsExactly(Reason.of(CallReason.UNPARSABLE));
    }

    @Test
    void aBrokenFieldIsNamed() {
        assertThat(reasons(mediate(FORMAT, "1000|c1|support|SIP/1|COMPLETEAGENT|x|-1|1")))
                .containsExactly(Reason.of(CallReason.INVALID_VALUE, "wait_sec"), Reason.of(CallReason.NEGATIVE_DURATION, "talk_sec"));
        assertThat(reasons(mediate(FORMAT, "10:00|c1|support|SIP/1|CONNECT|1|x|1")))
                .containsExactly(Reason.of(CallReason.INVALID_VALUE, "time"));
    }

    @Test
    void aMemberOrQueueLineIsNotACallEvent() {
        assertThat(reasons(mediate(FORMAT, "1000|NONE|support|SIP/201|ADDMEMBER|")))
                .containsExactly(Reason.of(CallReason.NOT_A_CALL_EVENT));
    }

    @Test
    void aSoundLineAloneIsOutOfContext() {
        assertThat(reasons(mediate(FORMAT, "1000|c1|support|NONE|EXITWITHTIMEOUT|1")))
                .containsExactly(Reason.of(CallReason.OUT_OF_CONTEXT));
        assertThat(reasons(mediate(FORMAT, "1000|c1|support|NONE|ENTERQUEUE||2015550123|1")))
                .containsExactly(Reason.of(CallReason.OUT_OF_CONTEXT));
    }
}
