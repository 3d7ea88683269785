package dev.switchboard.ivr;

import static dev.switchboard.badinput.BadInputs.within;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.badinput.BadInputs;
import dev.switchboard.badinput.Gen;
import dev.switchboard.badinput.Outcomes;
import dev.switchboard.badinput.Tries;
import dev.switchboard.mediation.Mediated;
import dev.switchboard.mediation.RawRecord;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The bad-input campaign on IVR sessions (ivr-json with its turns): a clean session within the documented
 * bounds, or a rejection with IvrReason codes; never an exception or a hang.
 */
class IvrBadInputTest {
    private static final IvrMediator MEDIATOR = new IvrMediator();

    @Test
    void ivrSessionIsCleanOrRejected() {
        Tries.check(payloads(), payload -> {
            Mediated<IvrSession> outcome = within(() -> MEDIATOR.mediate(new RawRecord("test", IvrMediator.FORMAT, Instant.parse("2026-03-03T00:00:00Z"), payload)));
            Outcomes.cleanOrRejected(outcome, IvrReason.class, s -> {
                assertThat(s.sessionId()).isNotBlank();
                assertThat(s.callEndTime()).isAfterOrEqualTo(s.callStartTime());
                assertThat(s.callDurationSec()).isBetween(0, IvrMediator.MAX_SECONDS);
                assertThat(s.turns()).hasSizeLessThanOrEqualTo(IvrMediator.MAX_TURNS);
                assertThat(s.resolutionStatus()).isNotNull();
                assertThat(BadInputs.roundTrips(s, IvrSession.class)).as("clean session survives ivr.clean: %s", s).isTrue();
            });
        });
    }

    Gen<String> payloads() {
        return BadInputs.badJsonPayloads(IvrFixtures.session());
    }
}
