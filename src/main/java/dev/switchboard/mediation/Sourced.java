package dev.switchboard.mediation;

/** A clean value with the source it came from, as it crosses a repartition topic. */
public record Sourced<T>(String source, T value) {}
