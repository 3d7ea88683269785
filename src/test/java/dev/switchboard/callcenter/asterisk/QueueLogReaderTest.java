package dev.switchboard.callcenter.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.callcenter.CallEvent;
import dev.switchboard.callcenter.CallEventType;
import dev.switchboard.callcenter.CallFixtures;
import dev.switchboard.callcenter.CallReason;
import dev.switchboard.mediation.Mediated;
import dev.switchboard.mediation.Reason;
import dev.switchboard.platform.Json;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The hand-written sample queue_log, read whole; every expected event was worked out by hand from its lines. */
class QueueLogReaderTest {
    private static final String SAMPLE = "/callcenter/queue_log_sample.log";
    private static final CallEventType QUEUED = CallEventType.QUEUED;
    private static final CallEventType ANSWERED = CallEventType.ANSWERED;
    private static final CallEventType ABANDONED = CallEventType.ABANDONED;
    private static final CallEventType ENDED = CallEventType.ENDED;

    private static QueueLogReader.Result readSample() throws IOException {
        try (Reader in = new InputStreamReader(
                Objects.requireNonNull(QueueLogReaderTest.class.getResourceAsStream(SAMPLE)), StandardCharsets.UTF_8)) {
            return QueueLogReader.read(in);
        }
    }

    private static CallEvent ev(String callId, CallEventType type, String time, String queue, String caller, String agent,
            Integer waitSec, Integer talkSec) {
        return new CallEvent(callId, type, Instant.parse("2026-03-01T" + time + "Z"), queue, caller, agent, waitSec, talkSec,
                null, null);
    }

    @Test
    void theSampleBecomesTheseEventsInFileOrder() throws IOException {
        assertThat(readSample().events()).containsExactly(
                ev("1772359255.1", QUEUED, "10:01:00", "support", "2015550123", null, null, null),
                ev("1772359255.1", ANSWERED, "10:01:15", "support", "2015550123", "SIP/202", 15, null),
                ev("1772359299.3", QUEUED, "10:01:40", "support", "anonymous", null, null, null),
                ev("1772359299.3", ABANDONED, "10:02:20", "support", "anonymous", null, 40, null),
                ev("1772359255.1", ENDED, "10:03:15", "support", "2015550123", "SIP/202", 15, 120),
                ev("1772359405.4", QUEUED, "10:03:30", "sales", "3125550199", null, null, null),
                ev("1772359405.4", ABANDONED, "10:04:30", "sales", "3125550199", null, 60, null),
                ev("1772359405.4#2", QUEUED, "10:04:31", "overflow", "3125550199", null, null, null),
                ev("1772359405.4#2", ANSWERED, "10:04:40", "overflow", "3125550199", "Local/301@agents", 9, null),
                ev("1772359509.6", QUEUED, "10:05:10", "support", "6502530000", null, null, null),
                ev("1772359509.6", ABANDONED, "10:05:40", "support", "6502530000", null, 30, null),
                ev("1772359595.7", QUEUED, "10:06:40", "support", "2125550142", null, null, null),
                ev("1772359595.7", ANSWERED, "10:07:00", "support", "2125550142", "SIP/201", 20, null),
                ev("1772359595.7", ENDED, "10:07:45", "support", "2125550142", "SIP/201", 20, 45),
                ev("1772359405.4#2", ENDED, "10:08:00", "overflow", "3125550199", "Local/301@agents", 9, 200),
                ev("1772350000.9", ANSWERED, "10:08:20", "support", null, "SIP/202", 7, null),
                ev("1772350000.9", ENDED, "10:09:20", "support", null, "SIP/202", 7, 60),
                ev("1772359820.12", QUEUED, "10:10:20", "sales", "anonymous", null, null, null),
                ev("1772359820.12", ABANDONED, "10:11:05", "sales", "anonymous", null, 45, null),
                ev("1772359895.13", QUEUED, "10:11:40", "support", "2015550188", null, null, null),
                ev("1772359895.13", ANSWERED, "10:11:52", "support", "2015550188", "SIP/202", 12, null),
                ev("1772359895.13", ENDED, "10:13:20", "support", "2015550188", "SIP/202", 12, 88),
                ev("1772360005.15", QUEUED, "10:13:30", "support", "6175550100", null, null, null),
                ev("1772360005.15", ABANDONED, "10:13:33", "support", "6175550100", null, 3, null));
    }

    @Test
    void unusableLinesAreKeptVerbatimWithTheirReasons() throws IOException {
        assertThat(readSample().unusable()).containsExactly(
                new QueueLogItem.Unusable(16, "this is not a queue_log line", List.of(Reason.of(CallReason.UNPARSABLE))),
                new QueueLogItem.Unusable(27, "1772359810|1772359805.10|support|SIP/201|CONNECT|abc|1772359806.11|2",
                        List.of(Reason.of(CallReason.INVALID_VALUE, "wait_sec"))),
                new QueueLogItem.Unusable(37, "1772360030|1772360025.16||NONE|ENTERQUEUE||2015550111|1",
                        List.of(Reason.of(CallReason.MISSING_FIELD, "queue"))),
                new QueueLogItem.Unusable(38, "2026-03-01 10:14:00|1772360040.17|support|NONE|ENTERQUEUE||2015550122|1",
                        List.of(Reason.of(CallReason.INVALID_VALUE, "time"))));
    }

    @Test
    void everyLineIsCountedOnce() throws IOException {
        QueueLogCounts counts = readSample().counts();
        assertThat(counts.mapped()).isEqualTo(Map.of("ENTERQUEUE", 9L, "CONNECT", 5L, "ABANDON", 1L, "EXITWITHTIMEOUT", 2L,
                "EXITWITHKEY", 1L, "EXITEMPTY", 1L, "COMPLETECALLER", 1L, "COMPLETEAGENT", 2L, "TRANSFER", 1L,
                "ATTENDEDTRANSFER", 1L));
        assertThat(counts.events()).isEqualTo(Map.of(QUEUED, 9L, ANSWERED, 5L, ABANDONED, 5L, ENDED, 5L));
        assertThat(counts.skipped()).isEqualTo(Map.of("QUEUESTART", 1L, "ADDMEMBER", 2L, "RINGNOANSWER", 1L,
                "RINGCANCELED", 1L, "PAUSE", 1L, "COMPLETEAGENT", 1L, "CONFIGRELOAD", 1L, QueueLogCounts.BLANK, 1L,
                "REMOVEMEMBER", 1L));
        assertThat(counts.unusable()).isEqualTo(4);
        assertThat(counts.lines()).isEqualTo(38);
        assertThat(counts.events(ENDED)).isEqualTo(5);
    }

    @Test
    void everyEventPassesMediationAsCallJson() throws IOException {
        for (CallEvent event : readSample().events()) {
            Mediated<CallEvent> mediated = CallFixtures.mediate("call-json", Json.MAPPER.writeValueAsString(event));
            CallEvent clean = CallFixtures.clean(mediated);
            assertThat(clean.callId()).isEqualTo(event.callId());
            if (event.callerNumber() == null || event.callerNumber().equals("anonymous")) assertThat(clean.callerNumber()).isNull();
            else assertThat(clean.callerNumber()).startsWith("+1");
        }
    }

    @Test
    void everyUnusableLineIsRejectedByMediationForTheSameReasons() throws IOException {
        for (QueueLogItem.Unusable unusable : readSample().unusable()) {
            assertThat(CallFixtures.reasons(CallFixtures.mediate("asterisk-queue-log", unusable.line())))
                    .as(unusable.line())
                    .isEqualTo(unusable.reasons());
        }
    }

    @Test
    void streamingHandsOutItemsInFileOrderWithTheirLineNumbers() throws IOException {
        List<Long> lineNumbers = new ArrayList<>();
        String log = "\uFEFF1772359260|c1|support|NONE|ENTERQUEUE||2015550123|1\r\n"
                + "garbage\r"
                + "1772359275|c1|support|SIP/202|CONNECT|15|x|7\n";
        QueueLogCounts counts = QueueLogReader.read(new StringReader(log), item -> lineNumbers.add(item.lineNumber()));
        assertThat(lineNumbers).containsExactly(1L, 2L, 3L);
        assertThat(counts.mappedTotal()).isEqualTo(2);
        assertThat(counts.unusable()).isEqualTo(1);
    }

    @Test
    void binaryJunkIsCountedLineByLineWithoutThrowing() throws IOException {
        java.util.Random random = new java.util.Random(11);
        byte[] junk = new byte[200_000];
        random.nextBytes(junk);
        String text = new String(junk, StandardCharsets.ISO_8859_1) + "\n" + "|".repeat(100_000) + "\n1|c|q|a|ABANDON|" + "9".repeat(5_000);
        QueueLogReader.Result result = QueueLogReader.read(new StringReader(text));
        assertThat(result.events()).isEmpty();
        assertThat(result.counts().lines()).isEqualTo(result.counts().skippedTotal() + result.unusable().size());
        assertThat(result.unusable()).isNotEmpty();
    }

    @Test
    void anEmptyFileHasNoLines() throws IOException {
        QueueLogReader.Result result = QueueLogReader.read(new StringReader(""));
        assertThat(result.events()).isEmpty();
        assertThat(result.counts().lines()).isZero();
    }
}
