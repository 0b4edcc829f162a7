package de.efa.registry.query.projection;

/** What a retry of a projection's dead letters achieved: how many were handled now, how many still wait. */
public record RetryOutcome(String name, int recovered, int remaining) {
}
