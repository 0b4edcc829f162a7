package de.efa.registry.query.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One stored event as an auditor sees it: where it stands in the log and in its aggregate's stream, what happened
 * (payload at today's revision), and who caused it on whose behalf, with its place in the hash chain.
 *
 * @param type the event's simple name, e.g. {@code ServiceRegistered}
 */
record AuditedEvent(long position, String aggregateType, String aggregateId, long sequence, String type,
                    String revision, Instant timestamp, JsonNode payload, Provenance metadata) {

    /**
     * Who and what caused the event: the principal (a person, or {@code system} for processes), the correlation id of
     * the whole exchange and the id of the message that directly caused it; and its links in the hash chain.
     */
    record Provenance(String principal, String correlationId, String causationId, String hash, String previousHash) {
    }
}
