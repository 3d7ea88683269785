package dev.switchboard.cdr;

import static dev.switchboard.badinput.BadInputs.within;
import static dev.switchboard.cdr.CdrFixtures.NOW;
import static dev.switchboard.cdr.CdrFixtures.raw;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.badinput.BadInputs;
import dev.switchboard.badinput.Outcomes;
import dev.switchboard.mediation.Mediated;
import dev.switchboard.platform.Json;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The bad-input campaign on CDR mediation (cdr-json, cdr-csv, asterisk-cdr): whatever the payload, the
 * outcome is a clean CDR that keeps the data contract or a rejection with CdrReason codes; never an
 * exception, never a hang. Builds on the fixed garbage of {@link CdrGarbagePayloadTest}.
 */
class CdrBadInputTest {
    private static final CdrMediator MEDIATOR = CdrFixtures.mediator();
    private static final CdrRules RULES = CdrRules.defaults();

    @Property
    void cdrJsonIsCleanOrRejected(@ForAll("json") String payload) {
        holds(within(() -> MEDIATOR.mediate(raw("cdr-json", payload), NOW)));
    }

    @Property
    void cdrCsvIsCleanOrRejected(@ForAll("csv") String payload) {
        holds(within(() -> MEDIATOR.mediate(raw("cdr-csv", payload), NOW)));
    }

    @Property
    void asteriskCdrIsCleanOrRejected(@ForAll("asterisk") String payload) {
        holds(within(() -> MEDIATOR.mediate(raw("asterisk-cdr", payload), NOW)));
    }

    /** The line reader alone: a line or the documented IllegalArgumentException, nothing else. */
    @Property
    void asteriskLineParsesOrSaysWhy(@ForAll("asterisk") String payload) {
        try {
            AsteriskCdrLine line = within(() -> AsteriskCdrLine.parse(payload));
            assertThat(line.columns().size()).isBetween(AsteriskCdrLine.MIN_COLUMNS, AsteriskCdrLine.MAX_COLUMNS);
            assertThat(line.id()).isNotBlank();
        } catch (IllegalArgumentException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> json() {
        return BadInputs.badJsonPayloads((ObjectNode) Json.MAPPER.valueToTree(CdrFixtures.voiceFields()));
    }

    @Provide
    Arbitrary<String> csv() {
        String valid = CdrFixtures.voiceCsv();
        Arbitrary<String> field = Combinators.combine(Arbitraries.of(CdrCsv.COLUMNS), values()).as((c, v) -> CdrFixtures.voiceCsv(c, v));
        return Arbitraries.frequencyOf(Tuple.of(6, field), Tuple.of(3, BadInputs.truncated(valid)), Tuple.of(2, BadInputs.wrongDelimiter(valid)),
                Tuple.of(2, BadInputs.badBytes(valid).map(BadInputs::utf8)), Tuple.of(1, BadInputs.injections()),
                Tuple.of(1, Arbitraries.of(valid + "," + valid, valid + "\n" + valid, "\"" + valid, valid.replace(",", "\",\""))));
    }

    @Provide
    Arbitrary<String> asterisk() {
        String valid = CdrFixtures.ASTERISK_18;
        Arbitrary<String> field = Combinators.combine(Arbitraries.integers().between(0, 17), values())
                .as((i, v) -> CdrFixtures.asteriskWith(valid, i, v));
        return Arbitraries.frequencyOf(Tuple.of(6, field), Tuple.of(3, BadInputs.truncated(valid)), Tuple.of(2, BadInputs.wrongDelimiter(valid)),
                Tuple.of(2, BadInputs.badBytes(valid).map(BadInputs::utf8)), Tuple.of(1, BadInputs.injections()),
                Tuple.of(1, Arbitraries.of(valid + "," + valid, valid + ",\"x\",\"y\",\"z\",\"w\"", valid.replace("\"", ""))));
    }

    /** A value for one CSV column: injection text, an extreme number, a bad date or a plain random string. */
    private static Arbitrary<String> values() {
        return Arbitraries.oneOf(BadInputs.injections(), Arbitraries.of(BadInputs.EXTREME_NUMBERS), Arbitraries.of(BadInputs.NON_JSON_NUMBERS),
                Arbitraries.of(BadInputs.BAD_DATES), Arbitraries.of(BadInputs.BAD_DATES).map(d -> d.replace('T', ' ').replace("Z", "")),
                Arbitraries.longs().map(String::valueOf));
    }

    /** The data contract of a clean CDR (DESIGN §2, CdrRules). */
    private static void holds(Mediated<Cdr> outcome) {
        Outcomes.cleanOrRejected(outcome, CdrReason.class, cdr -> {
            assertThat(cdr.id()).isNotBlank();
            assertThat(cdr.callingNumber()).matches("\\+[1-9][0-9]{1,14}|[0-9]{1," + RULES.extensionMaxDigits() + "}");
            assertThat(cdr.calledNumber()).matches("\\+[1-9][0-9]{1,14}|[0-9]{1," + RULES.extensionMaxDigits() + "}");
            assertThat(cdr.startTime()).isBetween(NOW.minus(RULES.maxAge()), NOW.plus(RULES.futureTolerance()));
            if (cdr.type() == CdrType.VOICE) assertThat(cdr.durationSec()).isBetween(0, RULES.maxDurationSec());
            else assertThat(cdr.durationSec()).isNull();
            assertThat(BadInputs.roundTrips(cdr, Cdr.class)).as("clean CDR survives cdr.clean: %s", cdr).isTrue();
        });
    }

}
