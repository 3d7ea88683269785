package dev.switchboard.callcenter.live;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The service-level definitions in use, side by side. T is the service-level threshold and S the
 * short-abandon threshold of {@link Thresholds}. Every figure is a share in [0, 1], or absent when its
 * denominator is zero. See docs/CALL-CENTER-METRICS.md.
 */
public enum ServiceLevel {
    /** Amazon Connect "Service level X seconds": contacts removed from the queue within T over contacts queued. */
    CONNECT("connect", "Amazon Connect", "(answered ≤ T + abandoned ≤ T) / offered",
            t -> t.answeredInSl() + t.abandonedInSl(), Tally::offered),
    /** Genesys: answered within T over answered plus abandoned. */
    GENESYS("genesys", "Genesys", "answered ≤ T / (answered + abandoned)",
            Tally::answeredInSl, t -> t.answered() + t.abandoned()),
    /** Asterisk app_queue SL: answered within T over answered. */
    ASTERISK_SL("asterisk-sl", "Asterisk SL", "answered ≤ T / answered",
            Tally::answeredInSl, Tally::answered),
    /** Asterisk app_queue SL2: answered or abandoned within T over answered plus abandoned. */
    ASTERISK_SL2("asterisk-sl2", "Asterisk SL2", "(answered ≤ T + abandoned ≤ T) / (answered + abandoned)",
            t -> t.answeredInSl() + t.abandonedInSl(), t -> t.answered() + t.abandoned()),
    /** Answered within T over answered plus abandoned, not counting abandons shorter than S. */
    EXCLUDING_SHORT_ABANDONS("no-short-abandons", "Excluding short abandons", "answered ≤ T / (answered + abandoned − abandoned < S)",
            Tally::answeredInSl, t -> t.answered() + t.abandoned() - t.shortAbandons());

    private final String id;
    private final String label;
    private final String formula;
    private final ToLongFunction<Tally> numerator;
    private final ToLongFunction<Tally> denominator;

    ServiceLevel(String id, String label, String formula, ToLongFunction<Tally> numerator, ToLongFunction<Tally> denominator) {
        this.id = id;
        this.label = label;
        this.formula = formula;
        this.numerator = numerator;
        this.denominator = denominator;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public String formula() {
        return formula;
    }

    public Double of(Tally t) {
        return Ratio.of(numerator.applyAsLong(t), denominator.applyAsLong(t));
    }

    public static Optional<ServiceLevel> byId(String id) {
        return Arrays.stream(values()).filter(d -> d.id.equals(id)).findFirst();
    }
}
