package dev.switchboard.generate;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Events per second over a sliding window, in slots of a tenth of a second. Right after a restart the
 * window is the time since then, so the first seconds are not read as a slow rate. Thread-safe.
 */
final class RateMeter {
    static final int SLOTS_PER_SECOND = 10;
    private static final long SLOT_NANOS = 1_000_000_000L / SLOTS_PER_SECOND;

    private final LongSupplier nanos;
    private final long[] counts;
    private final long[] slotOf;
    private final int windowSec;
    private long restartedAt;

    RateMeter(int windowSec, LongSupplier nanos) {
        this.windowSec = windowSec;
        this.nanos = nanos;
        this.counts = new long[windowSec * SLOTS_PER_SECOND];
        this.slotOf = new long[counts.length];
        this.restartedAt = nanos.getAsLong();
    }

    int windowSec() {
        return windowSec;
    }

    /** Starts the window afresh (a start after a stop): what came before no longer counts. */
    synchronized void restart() {
        Arrays.fill(counts, 0);
        restartedAt = nanos.getAsLong();
    }

    synchronized void add() {
        long slot = Math.floorDiv(nanos.getAsLong(), SLOT_NANOS);
        int i = (int) Math.floorMod(slot, (long) counts.length);
        if (slotOf[i] != slot) {
            slotOf[i] = slot;
            counts[i] = 0;
        }
        counts[i]++;
    }

    /** Events per second over the window (or the time since the restart, when shorter); 0 when nothing came. */
    synchronized double perSecond() {
        long now = nanos.getAsLong();
        long slot = Math.floorDiv(now, SLOT_NANOS);
        long first = slot - counts.length + 1;
        long sum = 0;
        for (int i = 0; i < counts.length; i++) if (slotOf[i] >= first && slotOf[i] <= slot) sum += counts[i];
        long span = now - Math.max(first * SLOT_NANOS, restartedAt);
        return sum == 0 ? 0 : sum / (Math.max(span, SLOT_NANOS) / 1e9);
    }
}
