package dev.switchboard.contact;

import static dev.switchboard.contact.ContactVersions.Outcome.NEW;
import static dev.switchboard.contact.ContactVersions.Outcome.REPLAYED;
import static dev.switchboard.contact.ContactVersions.Outcome.STALE;
import static dev.switchboard.contact.ContactVersions.Outcome.UPDATED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contact.ContactVersions.Known;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactVersionsTest {
    static final Instant T = Instant.parse("2026-03-02T09:17:41Z");

    static ContactRecord version(Instant lastUpdate, String fingerprint) {
        return new ContactRecord("c1", null, null, "VOICE", "INBOUND", T.minusSeconds(600), null, null, lastUpdate, null, null, null, null, null,
                Map.of(), fingerprint, "{}");
    }

    static Known known(ContactRecord r) {
        return new Known(r.lastUpdateTimestamp(), r.fingerprint());
    }

    @Test
    void theFirstVersionIsNewTheSameBodyAReplayALaterOneAnUpdateAnEarlierOneStale() {
        ContactRecord first = version(T, "aa");
        assertThat(ContactVersions.decide(null, first)).isEqualTo(NEW);
        assertThat(ContactVersions.decide(known(first), version(T, "aa"))).isEqualTo(REPLAYED);
        assertThat(ContactVersions.decide(known(first), version(T.plusSeconds(1), "bb"))).isEqualTo(UPDATED);
        assertThat(ContactVersions.decide(known(first), version(T.minusMillis(1), "cc"))).isEqualTo(STALE);
        // A replay is a replay even of an older body: the fingerprint decides first.
        assertThat(ContactVersions.decide(new Known(T.plusSeconds(5), "aa"), version(T, "aa"))).isEqualTo(REPLAYED);
    }

    @Test
    void twoBodiesWithOneTimestampKeepTheLargerFingerprintWhateverTheOrder() {
        ContactRecord small = version(T, "11"), large = version(T, "99");
        assertThat(ContactVersions.decide(known(small), large)).isEqualTo(UPDATED);
        assertThat(ContactVersions.decide(known(large), small)).isEqualTo(STALE);
    }
}
