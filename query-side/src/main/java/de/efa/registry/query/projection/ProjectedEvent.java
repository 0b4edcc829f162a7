package de.efa.registry.query.projection;

/**
 * One stored event as a projection sees it: its global position (what makes handling idempotent) and its payload.
 *
 * @param position the event's global position in the store
 * @param eventId  the event's identifier
 * @param payload  the deserialised event record
 */
public record ProjectedEvent(long position, String eventId, Object payload) {

    public String type() {
        return payload.getClass().getSimpleName();
    }
}
