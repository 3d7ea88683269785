package dev.switchboard.callcenter;

import static dev.switchboard.badinput.BadInputs.within;
import static dev.switchboard.badinput.Gen.weight;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.badinput.BadInputs;
import dev.switchboard.badinput.Gen;
import dev.switchboard.badinput.Outcomes;
import dev.switchboard.badinput.Tries;
import dev.switchboard.callcenter.asterisk.QueueLogReader;
import dev.switchboard.mediation.Mediated;
import dev.switchboard.platform.Json;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bad-input campaign on call-center mediation (call-json, Asterisk queue_log lines and files):
 * a clean event that keeps the data contract or a rejection with CallReason codes, never an exception
 * or a hang; a queue_log file counts each of its lines exactly once. Builds on {@link CallGarbagePayloadTest}.
 */
class CallBadInputTest {
    private static final List<String> QUEUE_LOG = List.of(
            "1768467600|c1|support|NONE|ENTERQUEUE||2015550101|1",
            "1768467612|c1|support|SIP/201|CONNECT|12|1768467600.2|3",
            "1768467700|c1|support|SIP/201|COMPLETEAGENT|12|88|1",
            "1768467630|c2|support|NONE|ENTERQUEUE||2015550102|1",
            "1768467675|c2|support|NONE|ABANDON|1|1|45",
            "1772359200|NONE|NONE|NONE|QUEUESTART|");

    @Test
    void callJsonIsCleanOrRejected() {
        Tries.check(json(), payload -> holds(within(() -> CallFixtures.mediate("call-json", payload))));
    }

    @Test
    void queueLogLineIsCleanOrRejected() {
        Tries.check(queueLogLine(), payload -> holds(within(() -> CallFixtures.mediate("asterisk-queue-log", payload))));
    }

    /** A whole queue_log file: every line is mapped, skipped or unusable, once. */
    @Test
    void queueLogFileAccountsForEveryLine() {
        Tries.check(100, queueLogFile(), file -> {
            QueueLogReader.Result result = within(() -> {
                try {
                    return QueueLogReader.read(new StringReader(file));
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            });
            long lines = new BufferedReader(new StringReader(file)).lines().count();
            assertThat(result.counts().lines()).isEqualTo(lines);
            assertThat(result.counts().mappedTotal()).isEqualTo(result.events().size());
            assertThat(result.counts().unusable()).isEqualTo(result.unusable().size());
            result.unusable().forEach(u -> assertThat(u.reasons()).isNotEmpty());
        });
    }

    Gen<String> json() {
        return Gen.of(CallEventType.values())
                .flatMap(type -> BadInputs.badJsonPayloads((ObjectNode) Json.MAPPER.valueToTree(CallFixtures.fields(type))));
    }

    Gen<String> queueLogLine() {
        Gen<String> valid = Gen.of(QUEUE_LOG);
        Gen<Integer> at = Gen.ints(0, 7);
        Gen<String> values = values();
        Gen<String> field = r -> {
            String line = valid.next(r);
            int i = at.next(r);
            String v = values.next(r);
            String[] f = line.split("\\|", -1);
            if (i < f.length) f[i] = v;
            return String.join("|", f);
        };
        return Gen.frequency(weight(6, field), weight(3, valid.flatMap(BadInputs::truncated)),
                weight(2, valid.map(l -> l.replace("|", ",")).flatMap(BadInputs::wrongDelimiter)),
                weight(2, valid.flatMap(BadInputs::badBytes).map(BadInputs::utf8)), weight(1, BadInputs.injections()),
                weight(1, valid.map(l -> l + "|" + l)), weight(1, valid.map(l -> l + "\n" + l)));
    }

    Gen<String> queueLogFile() {
        return Gen.oneOf(queueLogLine(), Gen.of(QUEUE_LOG), Gen.of("", " ", "\uFEFF", "\r"))
                .list(0, 60).map(lines -> String.join("\n", new ArrayList<>(lines)));
    }

    private static Gen<String> values() {
        return Gen.oneOf(BadInputs.injections(), Gen.of(BadInputs.EXTREME_NUMBERS), Gen.of(BadInputs.NON_JSON_NUMBERS),
                Gen.of(BadInputs.BAD_DATES), Gen.longs().map(String::valueOf));
    }

    /** The data contract of a clean call event (DESIGN §2). */
    private static void holds(Mediated<CallEvent> outcome) {
        Outcomes.cleanOrRejected(outcome, CallReason.class, e -> {
            assertThat(e.callId()).isNotBlank();
            assertThat(e.event()).isNotNull();
            assertThat(e.time()).isNotNull();
            if (e.waitSec() != null) assertThat(e.waitSec()).isNotNegative();
            if (e.talkSec() != null) assertThat(e.talkSec()).isNotNegative();
            assertThat(BadInputs.roundTrips(e, CallEvent.class)).as("clean event survives call.clean: %s", e).isTrue();
        });
    }
}
