package dev.switchboard.cli;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Polls a condition until it yields a value, or fails with a clear message after the limit. */
final class Waiting {
    private Waiting() {}

    /**
     * Waits until the check holds twice, a few commit intervals apart: records counted by mediation
     * may still sit in its producer's buffer for a moment before the topic (and so the check) sees them.
     */
    static void untilSettled(Duration limit, Duration commitInterval, Callable<Boolean> check) throws Exception {
        long pause = commitInterval.toMillis() * 3 + 300;
        while (true) {
            until(limit, () -> check.call() ? Boolean.TRUE : null);
            Thread.sleep(pause);
            if (check.call()) return;
        }
    }

    static <T> T until(Duration limit, Callable<T> check) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            T value = check.call();
            if (value != null) return value;
            if (System.nanoTime() > deadline) throw new UserError("gave up waiting after " + limit);
            Thread.sleep(200);
        }
    }
}
