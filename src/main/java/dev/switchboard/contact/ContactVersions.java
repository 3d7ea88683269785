package dev.switchboard.contact;

import java.time.Instant;
import java.util.Comparator;

/**
 * What a contact record is against the version of its ContactId already seen: Amazon Connect delivers
 * records at least once and sends a contact again, whole, each time it changes, with a later
 * {@code LastUpdateTimestamp}. The latest version is kept.
 */
public final class ContactVersions {
    private ContactVersions() {}

    public enum Outcome {
        /** The first version seen of this ContactId. */
        NEW,
        /** A later version of a known contact: it replaces the stored one. */
        UPDATED,
        /** The very body seen before (same fingerprint): dropped. */
        REPLAYED,
        /** An earlier version than the one kept, arriving late: ignored. */
        STALE
    }

    /** The version kept for a ContactId. */
    public record Known(Instant lastUpdate, String fingerprint) {
        /** Later LastUpdateTimestamp first wins; on a tie, the larger fingerprint. */
        public static final Comparator<Known> ORDER = Comparator.comparing(Known::lastUpdate).thenComparing(Known::fingerprint);

        public static Known of(ContactRecord c) {
            return new Known(c.lastUpdateTimestamp(), c.fingerprint());
        }
    }

    /**
     * NEW when nothing is known; REPLAYED for the same fingerprint; else UPDATED when its LastUpdateTimestamp
     * is later and STALE when earlier. Two different bodies with the same LastUpdateTimestamp: the larger
     * fingerprint wins, so every order of arrival keeps the same one.
     */
    public static Outcome decide(Known known, ContactRecord in) {
        if (known == null) return Outcome.NEW;
        if (known.fingerprint().equals(in.fingerprint())) return Outcome.REPLAYED;
        return Known.ORDER.compare(Known.of(in), known) > 0 ? Outcome.UPDATED : Outcome.STALE;
    }
}
