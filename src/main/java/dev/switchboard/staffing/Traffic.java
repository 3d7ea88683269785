package dev.switchboard.staffing;

/**
 * What a queue is offered over an interval, in seconds: calls arrive at {@code arrivalsPerSec} (Poisson) and
 * take {@code handleSec} of an agent on average (exponential). The offered load a = λ·AHT is in erlangs.
 */
public record Traffic(double arrivalsPerSec, double handleSec) {
    public Traffic {
        if (!(arrivalsPerSec >= 0) || !Double.isFinite(arrivalsPerSec)) throw new IllegalArgumentException("arrival rate must be >= 0, got " + arrivalsPerSec);
        if (!(handleSec > 0) || !Double.isFinite(handleSec)) throw new IllegalArgumentException("handle time must be > 0, got " + handleSec);
    }

    /** From a count of calls over an interval of {@code intervalSec} seconds. */
    public static Traffic perInterval(double calls, double intervalSec, double handleSec) {
        return new Traffic(calls / intervalSec, handleSec);
    }

    /** a = λ / μ = λ · AHT, in erlangs. */
    public double offeredLoad() {
        return arrivalsPerSec * handleSec;
    }

    /** μ = 1 / AHT, the rate at which one busy agent finishes calls. */
    public double serviceRate() {
        return 1 / handleSec;
    }
}
