package dev.switchboard.mediation;

/** A record after intake: passed on with its source (for per-source accounting downstream), or failed with an error record. */
public sealed interface Routed<T> {
    record Passed<T>(Sourced<T> sourced) implements Routed<T> {}

    record Failed<T>(ErrorRecord error) implements Routed<T> {}
}
