package dev.switchboard.generate;

import dev.switchboard.cdr.Cdr;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The last valid calls, to repeat as duplicates. Only recent ones: real duplicates come from
 * retransmissions and replays within minutes, which is also the window a de-duplicator keeps.
 */
final class RecentCalls {
    static final int CAPACITY = 256;
    private final Cdr[] ring = new Cdr[CAPACITY];
    private long added;

    void add(Cdr cdr) {
        ring[(int) (added++ % CAPACITY)] = cdr;
    }

    boolean isEmpty() {
        return added == 0;
    }

    Cdr pick(UniformRandomProvider rng) {
        return ring[rng.nextInt((int) Math.min(added, CAPACITY))];
    }
}
