package de.efa.registry.query.projection;

import java.time.Instant;

/**
 * An event a projection could not handle. It waits here, with every later event of the same aggregate, until an
 * ADMIN retries it; the rest of the projection moves on.
 */
public record DeadLetter(String processor, long position, String eventId, String type, String aggregateId,
                         String cause, int attempts, Instant lastAttempt) {
}
