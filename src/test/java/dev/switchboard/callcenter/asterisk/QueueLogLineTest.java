package dev.switchboard.callcenter.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.callcenter.CallReason;
import dev.switchboard.mediation.Reason;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueueLogLineTest {
    static QueueLogLine line(String text) {
        QueueLogLine.Parsed parsed = QueueLogLine.parse(text);
        if (parsed instanceof QueueLogLine.Parsed.Line l) return l.line();
        throw new AssertionError("expected a line, got " + parsed);
    }

    private static Reason unparsable(String text) {
        QueueLogLine.Parsed parsed = QueueLogLine.parse(text);
        if (parsed instanceof QueueLogLine.Parsed.Unparsable u) return u.reason();
        throw new AssertionError("expected no line, got " + parsed);
    }

    @Test
    void aLineIsSplitIntoItsFieldsTrimmed() {
        QueueLogLine line = line("1675555761|1675555752.0| Support |PJSIP/400|connect|8|1675555753.1|7");
        assertThat(line).isEqualTo(new QueueLogLine(1675555761L, "1675555752.0", "Support", "PJSIP/400", "CONNECT",
                List.of("8", "1675555753.1", "7")));
        assertThat(line.time()).isEqualTo(Instant.parse("2023-02-05T00:09:21Z"));
        assertThat(line.data(0)).contains("8");
        assertThat(line.data(3)).isEmpty();
        assertThat(line.isCall()).isTrue();
    }

    @Test
    void anEventWithoutDataEndsInABarePipeOrNothing() {
        assertThat(line("1674044163|NONE|NONE|NONE|CONFIGRELOAD|").data()).containsExactly("");
        assertThat(line("1674044163|NONE|NONE|NONE|CONFIGRELOAD").data()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"NONE", "REALTIME", "MANAGER", "CLI", "none"})
    void linesWithoutACallAreKnownByTheirCallid(String callId) {
        assertThat(line("1674044163|" + callId + "|support|SIP/201|ADDMEMBER|").isCall()).isFalse();
    }

    @Test
    void anEmptyDataFieldIsAbsent() {
        QueueLogLine line = line("1675555753|1675555752.0|Support|NONE|ENTERQUEUE||200|1");
        assertThat(line.data(0)).isEmpty();
        assertThat(line.data(1)).contains("200");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "1|2|3|4", "1675555753|c|q|a|EVENT WITH SPACES|1", "1675555753|c|q|a|ÉVÉNEMENT",
            "1|c|q|a|1ABC", "1675555753|c|q|a|X\n1675555753|c|q|a|Y", "1675555753|c|q|a|X\r"})
    void whatIsNotOneQueueLogLineIsUnparsable(String text) {
        assertThat(unparsable(text)).isEqualTo(Reason.of(CallReason.UNPARSABLE));
    }

    @Test
    void aBadTimeCallidOrEventIsNamed() {
        assertThat(unparsable("2026-03-01 10:00:00|c|q|a|ENTERQUEUE")).isEqualTo(Reason.of(CallReason.INVALID_VALUE, "time"));
        assertThat(unparsable("1675555753.5|c|q|a|ENTERQUEUE")).isEqualTo(Reason.of(CallReason.INVALID_VALUE, "time"));
        assertThat(unparsable("99999999999999|c|q|a|ENTERQUEUE")).isEqualTo(Reason.of(CallReason.INVALID_VALUE, "time"));
        assertThat(unparsable("|c|q|a|ENTERQUEUE")).isEqualTo(Reason.of(CallReason.MISSING_FIELD, "time"));
        assertThat(unparsable("1675555753| |q|a|ENTERQUEUE")).isEqualTo(Reason.of(CallReason.MISSING_FIELD, "call_id"));
        assertThat(unparsable("1675555753|c|q|a||1")).isEqualTo(Reason.of(CallReason.MISSING_FIELD, "event"));
    }
}
