package de.efa.registry.query.projection;

/**
 * Which state document an event changes: one per aggregate (a municipality by AGS, a service, a cooperation), so
 * that all changes of one document arrive in order on one segment (Axon sequences per aggregate).
 *
 * @param collection the logical collection of the projection
 * @param id         the document's {@code _id}, the aggregate id
 */
public record StateKey(String collection, String id) {
}
