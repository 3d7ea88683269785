package dev.switchboard.callcenter;

import static dev.switchboard.badinput.BadInputs.within;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.badinput.BadInputs;
import dev.switchboard.badinput.Outcomes;
import dev.switchboard.callcenter.asterisk.QueueLogReader;
import dev.switchboard.mediation.Mediated;
import dev.switchboard.platform.Json;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

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

    @Property
    void callJsonIsCleanOrRejected(@ForAll("json") String payload) {
        holds(within(() -> CallFixtures.mediate("call-json", payload)));
    }

    @Property
    void queueLogLineIsCleanOrRejected(@ForAll("queueLogLine") String payload) {
        holds(within(() -> CallFixtures.mediate("asterisk-queue-log", payload)));
    }

    /** A whole queue_log file: every line is mapped, skipped or unusable, once. */
    @Property(tries = 100)
    void queueLogFileAccountsForEveryLine(@ForAll("queueLogFile") String file) throws Exception {
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
    }

    @Provide
    Arbitrary<String> json() {
        return Arbitraries.of(CallEventType.values())
                .flatMap(type -> BadInputs.badJsonPayloads((ObjectNode) Json.MAPPER.valueToTree(CallFixtures.fields(type))));
    }

    @Provide
    Arbitrary<String> queueLogLine() {
        Arbitrary<String> valid = Arbitraries.of(QUEUE_LOG);
        Arbitrary<String> field = Combinators.combine(valid, Arbitraries.integers().between(0, 7), values()).as((line, i, v) -> {
            String[] f = line.split("\\|", -1);
            if (i < f.length) f[i] = v;
            return String.join("|", f);
        });
        return Arbitraries.frequencyOf(Tuple.of(6, field), Tuple.of(3, valid.flatMap(BadInputs::truncated)),
                Tuple.of(2, valid.map(l -> l.replace("|", ",")).flatMap(BadInputs::wrongDelimiter)),
                Tuple.of(2, valid.flatMap(BadInputs::badBytes).map(BadInputs::utf8)), Tuple.of(1, BadInputs.injections()),
                Tuple.of(1, valid.map(l -> l + "|" + l)), Tuple.of(1, valid.map(l -> l + "\n" + l)));
    }

    @Provide
    Arbitrary<String> queueLogFile() {
        return Arbitraries.oneOf(queueLogLine(), Arbitraries.of(QUEUE_LOG), Arbitraries.of("", " ", "\uFEFF", "\r"))
                .list().ofMaxSize(60).map(lines -> String.join("\n", new ArrayList<>(lines)));
    }

    private static Arbitrary<String> values() {
        return Arbitraries.oneOf(BadInputs.injections(), Arbitraries.of(BadInputs.EXTREME_NUMBERS), Arbitraries.of(BadInputs.NON_JSON_NUMBERS),
                Arbitraries.of(BadInputs.BAD_DATES), Arbitraries.longs().map(String::valueOf));
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
