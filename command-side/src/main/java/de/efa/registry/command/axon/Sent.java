package de.efa.registry.command.axon;

/**
 * A command carried out: what its handler answered, and the global position of the last event it stored (-1 when
 * it stored none) — the position a client waits for on the query side to read its own write.
 */
public record Sent<R>(R result, long lastPosition) {
}
