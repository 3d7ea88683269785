package dev.switchboard.contact;

import static dev.switchboard.badinput.BadInputs.within;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.badinput.BadInputs;
import dev.switchboard.badinput.Outcomes;
import dev.switchboard.mediation.Mediated;
import dev.switchboard.platform.Json;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The bad-input campaign on contact records (Amazon Connect CTR JSON): a clean record whose canonical JSON
 * reads back and whose version stamp is set, or a rejection with ContactReason codes; never an exception
 * or a hang, whatever the bytes (other encodings, BOMs, invalid UTF-8 included).
 */
class ContactBadInputTest {
    @Property
    void contactRecordIsCleanOrRejected(@ForAll("payloads") byte[] payload) {
        Mediated<ContactRecord> outcome = within(() -> ContactParser.parse(payload));
        Outcomes.cleanOrRejected(outcome, ContactReason.class, c -> {
            assertThat(c.contactId()).isNotBlank();
            assertThat(c.initiationTimestamp()).isNotNull();
            assertThat(c.lastUpdateTimestamp()).isNotNull();
            assertThat(BadInputs.roundTrips(c, ContactRecord.class)).as("clean contact survives ctr.clean: %s", c).isTrue();
        });
    }

    @Provide
    Arbitrary<byte[]> payloads() {
        Arbitrary<String> text = Arbitraries.oneOf(
                BadInputs.badJsonPayloads(ContactFixtures.contact("k-1", 400, "Support", "ann")),
                BadInputs.badJsonPayloads(ContactFixtures.transferred("k-2", "k-1", "k-1", 500, "Sales", null)));
        String valid = ContactFixtures.json(ContactFixtures.contact("k-1", 400, "Support", "ann"));
        return Arbitraries.frequencyOf(Tuple.of(6, text.map(t -> t.getBytes(StandardCharsets.UTF_8))), Tuple.of(2, BadInputs.badBytes(valid)),
                Tuple.of(1, Arbitraries.just(Json.MAPPER.createObjectNode().toString().getBytes(StandardCharsets.UTF_8))));
    }
}
