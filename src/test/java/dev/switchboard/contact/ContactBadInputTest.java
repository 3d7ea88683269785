package dev.switchboard.contact;

import static dev.switchboard.badinput.BadInputs.within;
import static dev.switchboard.badinput.Gen.weight;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.badinput.BadInputs;
import dev.switchboard.badinput.Gen;
import dev.switchboard.badinput.Outcomes;
import dev.switchboard.badinput.Tries;
import dev.switchboard.mediation.Mediated;
import dev.switchboard.platform.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The bad-input campaign on contact records (Amazon Connect CTR JSON): a clean record whose canonical JSON
 * reads back and whose version stamp is set, or a rejection with ContactReason codes; never an exception
 * or a hang, whatever the bytes (other encodings, BOMs, invalid UTF-8 included).
 */
class ContactBadInputTest {
    @Test
    void contactRecordIsCleanOrRejected() {
        Tries.check(payloads(), payload -> {
            Mediated<ContactRecord> outcome = within(() -> ContactParser.parse(payload));
            Outcomes.cleanOrRejected(outcome, ContactReason.class, c -> {
                assertThat(c.contactId()).isNotBlank();
                assertThat(c.initiationTimestamp()).isNotNull();
                assertThat(c.lastUpdateTimestamp()).isNotNull();
                assertThat(BadInputs.roundTrips(c, ContactRecord.class)).as("clean contact survives ctr.clean: %s", c).isTrue();
            });
        });
    }

    /**
     * Versioning under bad input: versions of one contact with LastUpdateTimestamps out of range, replays and broken
     * bodies, in any order. Every input is counted once (error, new, updated, replayed or stale), and the version kept
     * is the same whatever the order of arrival.
     */
    @Test
    void versionsOfOneContactAreEachCountedOnceAndTheKeptOneIsOrderFree() {
        // The second value seeds the shuffle of the order of arrival.
        Tries.check(100, Gen.pairs(versions(), Gen.longs()), input -> countedOnceAndOrderFree(input.first(), new java.util.Random(input.second())));
    }

    private static void countedOnceAndOrderFree(java.util.List<String> bodies, java.util.Random random) {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        ContactVersions.Known kept = fold(bodies, counts);
        assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).as("every input counted once: %s", counts).isEqualTo(bodies.size());
        assertThat(counts.getOrDefault("NEW", 0L)).isLessThanOrEqualTo(1);
        java.util.List<String> shuffled = new java.util.ArrayList<>(bodies);
        java.util.Collections.shuffle(shuffled, random);
        assertThat(fold(shuffled, new java.util.TreeMap<>())).as("the version kept does not depend on the order of arrival").isEqualTo(kept);
    }

    private static ContactVersions.Known fold(java.util.List<String> bodies, java.util.Map<String, Long> counts) {
        ContactVersions.Known known = null;
        for (String body : bodies) {
            Mediated<ContactRecord> m = within(() -> ContactParser.parse(body.getBytes(StandardCharsets.UTF_8)));
            if (!(m instanceof Mediated.Clean<ContactRecord> clean)) {
                counts.merge("error", 1L, Long::sum);
                continue;
            }
            ContactVersions.Outcome outcome = ContactVersions.decide(known, clean.value());
            counts.merge(outcome.name(), 1L, Long::sum);
            if (outcome == ContactVersions.Outcome.NEW || outcome == ContactVersions.Outcome.UPDATED) known = ContactVersions.Known.of(clean.value());
        }
        return known;
    }

    Gen<java.util.List<String>> versions() {
        Gen<String> stamp = Gen.oneOf(Gen.of(BadInputs.BAD_DATES),
                Gen.longs(-62_000_000_000L, 253_000_000_000L).map(sec -> java.time.Instant.ofEpochSecond(sec).toString()));
        Gen<String> version = Gen.pairs(stamp, Gen.of("Support", "Sales", "'; DROP TABLE contact_record;--")).map(p -> {
            var n = ContactFixtures.contact("k-1", 400, p.second(), "ann");
            n.put("LastUpdateTimestamp", p.first());
            return ContactFixtures.json(n);
        });
        Gen<String> any = Gen.frequency(weight(6, version), weight(1, BadInputs.badJsonPayloads(ContactFixtures.contact("k-1", 400, "Support", "ann"))));
        return any.list(0, 12).flatMap(l -> Gen.ints(0, l.size()).map(dup -> {
            java.util.List<String> out = new java.util.ArrayList<>(l);
            if (!l.isEmpty()) out.add(l.get(dup % l.size())); // an exact replay of one of them
            return out;
        }));
    }

    Gen<byte[]> payloads() {
        Gen<String> text = Gen.oneOf(
                BadInputs.badJsonPayloads(ContactFixtures.contact("k-1", 400, "Support", "ann")),
                BadInputs.badJsonPayloads(ContactFixtures.transferred("k-2", "k-1", "k-1", 500, "Sales", null)));
        String valid = ContactFixtures.json(ContactFixtures.contact("k-1", 400, "Support", "ann"));
        return Gen.frequency(weight(6, text.map(t -> t.getBytes(StandardCharsets.UTF_8))), weight(2, BadInputs.badBytes(valid)),
                weight(1, Gen.just(Json.MAPPER.createObjectNode().toString().getBytes(StandardCharsets.UTF_8))));
    }
}
