package dev.switchboard.contact;

import dev.switchboard.mediation.Counts;

/**
 * The contact-record counters of one source (or all): every record in ends as exactly one of new, updated,
 * replayed, stale or error once the pipeline has drained. In the platform's terms new + updated are clean
 * and replayed + stale are duplicates.
 */
public record ContactCounts(long in, long newContacts, long updated, long replayed, long stale, long error) {
    public static final ContactCounts ZERO = new ContactCounts(0, 0, 0, 0, 0, 0);

    public Counts asCounts() {
        return new Counts(in, newContacts + updated, error, replayed + stale);
    }

    public boolean drained() {
        return asCounts().drained();
    }

    ContactCounts plus(String counter, long n) {
        return switch (counter) {
            case "in" -> new ContactCounts(in + n, newContacts, updated, replayed, stale, error);
            case "new" -> new ContactCounts(in, newContacts + n, updated, replayed, stale, error);
            case "updated" -> new ContactCounts(in, newContacts, updated + n, replayed, stale, error);
            case "replayed" -> new ContactCounts(in, newContacts, updated, replayed + n, stale, error);
            case "stale" -> new ContactCounts(in, newContacts, updated, replayed, stale + n, error);
            case "error" -> new ContactCounts(in, newContacts, updated, replayed, stale, error + n);
            default -> this; // clean and duplicate are the platform's sums of the above
        };
    }

    public ContactCounts plus(ContactCounts o) {
        return new ContactCounts(in + o.in, newContacts + o.newContacts, updated + o.updated, replayed + o.replayed, stale + o.stale, error + o.error);
    }

    @Override
    public String toString() {
        return "in=" + in + " new=" + newContacts + " updated=" + updated + " replayed=" + replayed + " stale=" + stale + " error=" + error;
    }
}
