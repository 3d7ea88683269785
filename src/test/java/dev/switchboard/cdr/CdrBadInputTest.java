package dev.switchboard.cdr;

import static dev.switchboard.badinput.BadInputs.within;
import static dev.switchboard.badinput.Gen.weight;
import static dev.switchboard.cdr.CdrFixtures.NOW;
import static dev.switchboard.cdr.CdrFixtures.raw;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.badinput.BadInputs;
import dev.switchboard.badinput.Gen;
import dev.switchboard.badinput.Outcomes;
import dev.switchboard.badinput.Tries;
import dev.switchboard.mediation.Mediated;
import dev.switchboard.platform.Json;
import org.junit.jupiter.api.Test;

/**
 * The bad-input campaign on CDR mediation (cdr-json, cdr-csv, asterisk-cdr): whatever the payload, the
 * outcome is a clean CDR that keeps the data contract or a rejection with CdrReason codes; never an
 * exception, never a hang. Builds on the fixed garbage of {@link CdrGarbagePayloadTest}.
 */
class CdrBadInputTest {
    private static final CdrMediator MEDIATOR = CdrFixtures.mediator();
    private static final CdrRules RULES = CdrRules.defaults();

    @Test
    void cdrJsonIsCleanOrRejected() {
        Tries.check(json(), payload -> holds(within(() -> MEDIATOR.mediate(raw("cdr-json", payload), NOW))));
    }

    @Test
    void cdrCsvIsCleanOrRejected() {
        Tries.check(csv(), payload -> holds(within(() -> MEDIATOR.mediate(raw("cdr-csv", payload), NOW))));
    }

    @Test
    void asteriskCdrIsCleanOrRejected() {
        Tries.check(asterisk(), payload -> holds(within(() -> MEDIATOR.mediate(raw("asterisk-cdr", payload), NOW))));
    }

    /** The line reader alone: a line or the documented IllegalArgumentException, nothing else. */
    @Test
    void asteriskLineParsesOrSaysWhy() {
        Tries.check(asterisk(), payload -> {
            try {
                AsteriskCdrLine line = within(() -> AsteriskCdrLine.parse(payload));
                assertThat(line.columns().size()).isBetween(AsteriskCdrLine.MIN_COLUMNS, AsteriskCdrLine.MAX_COLUMNS);
                assertThat(line.id()).isNotBlank();
            } catch (IllegalArgumentException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        });
    }

    Gen<String> json() {
        return BadInputs.badJsonPayloads((ObjectNode) Json.MAPPER.valueToTree(CdrFixtures.voiceFields()));
    }

    Gen<String> csv() {
        String valid = CdrFixtures.voiceCsv();
        Gen<String> field = Gen.pairs(Gen.of(CdrCsv.COLUMNS), values()).map(p -> CdrFixtures.voiceCsv(p.first(), p.second()));
        return Gen.frequency(weight(6, field), weight(3, BadInputs.truncated(valid)), weight(2, BadInputs.wrongDelimiter(valid)),
                weight(2, BadInputs.badBytes(valid).map(BadInputs::utf8)), weight(1, BadInputs.injections()),
                weight(1, Gen.of(valid + "," + valid, valid + "\n" + valid, "\"" + valid, valid.replace(",", "\",\""))));
    }

    Gen<String> asterisk() {
        String valid = CdrFixtures.ASTERISK_18;
        Gen<String> field = Gen.pairs(Gen.ints(0, 17), values()).map(p -> CdrFixtures.asteriskWith(valid, p.first(), p.second()));
        return Gen.frequency(weight(6, field), weight(3, BadInputs.truncated(valid)), weight(2, BadInputs.wrongDelimiter(valid)),
                weight(2, BadInputs.badBytes(valid).map(BadInputs::utf8)), weight(1, BadInputs.injections()),
                weight(1, Gen.of(valid + "," + valid, valid + ",\"x\",\"y\",\"z\",\"w\"", valid.replace("\"", ""))));
    }

    /** A value for one CSV column: injection text, an extreme number, a bad date or a plain random string. */
    private static Gen<String> values() {
        return Gen.oneOf(BadInputs.injections(), Gen.of(BadInputs.EXTREME_NUMBERS), Gen.of(BadInputs.NON_JSON_NUMBERS),
                Gen.of(BadInputs.BAD_DATES), Gen.of(BadInputs.BAD_DATES).map(d -> d.replace('T', ' ').replace("Z", "")),
                Gen.longs().map(String::valueOf));
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
