package dev.switchboard.rating;

import java.math.RoundingMode;

/** How a rate's cost is rounded to its number of decimals. {@code NONE} keeps the exact amount. */
public enum Rounding {
    UP(RoundingMode.UP), HALF_UP(RoundingMode.HALF_UP), DOWN(RoundingMode.DOWN), NONE(null);

    private final RoundingMode mode;

    Rounding(RoundingMode mode) {
        this.mode = mode;
    }

    /** The JDK mode, or null for {@code NONE}. */
    public RoundingMode mode() {
        return mode;
    }
}
