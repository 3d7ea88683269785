package dev.switchboard.cli;

import java.io.PrintStream;

/** A one-line progress bar on stderr, drawn only when a terminal is attached. */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean enabled;
    private long lastDrawn;

    ProgressBar(PrintStream out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    static ProgressBar onTerminal() {
        return new ProgressBar(System.err, System.console() != null);
    }

    void show(String phase, long done, long total) {
        if (!enabled) return;
        long now = System.nanoTime();
        if (now - lastDrawn < 100_000_000L && done < total) return;
        lastDrawn = now;
        int filled = total <= 0 ? 0 : (int) Math.min(WIDTH, WIDTH * done / total);
        out.printf("\r%-10s [%s%s] %,d / %,d   ", phase, "#".repeat(filled), " ".repeat(WIDTH - filled), done, total);
        out.flush();
    }

    void finish() {
        if (enabled) out.print("\r" + " ".repeat(WIDTH + 50) + "\r");
    }
}
