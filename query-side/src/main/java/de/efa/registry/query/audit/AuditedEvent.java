package de.efa.registry.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One stored event as an auditor sees it: where it stands in the log and in its aggregate's stream, what happened
 * (payload at today's revision), and who caused it on whose behalf, with its place in the hash chain.
 *
 * @param type   the event's simple name, e.g. {@code ServiceRegistered}
 * @param stored the event as stored and hashed — only in the export, for verifiers (null, and left out, elsewhere)
 */
record AuditedEvent(long position, String aggregateType, String aggregateId, long sequence, String type,
                    String revision, Instant timestamp, JsonNode payload, Provenance metadata,
                    @JsonInclude(JsonInclude.Include.NON_NULL) Stored stored) {

    /**
     * Who and what caused the event: the principal (a person, or {@code system} for processes), the correlation id of
     * the whole exchange and the id of the message that directly caused it; and its links in the hash chain.
     *
     * @param chainRevision the formula its hash was computed with: 1 (principal and ids not covered) or 2 (covered)
     */
    record Provenance(String principal, String correlationId, String causationId, String hash, String previousHash,
                      int chainRevision) {
    }

    /**
     * The event exactly as its hash covers it, which the fields above need not show: {@code type} is a simple name
     * and {@code payload} is at today's revision (upcast), while the hash covers the stored type and payload.
     * <p>
     * Why the payload as text and not as JSON: the hash covers one exact text — the stored BSON as relaxed extended
     * JSON, its field order, spacing, escapes and number forms ({@code 1.0} stays {@code 1.0}, a 64-bit {@code 5} is
     * {@code 5}, a date is {@code {"$date": …}}). A JSON value re-written by Jackson, or re-read by a verifier's parser,
     * would not reliably give that text back; the text itself can be hashed as it is, by anyone, without BSON.
     *
     * @param payloadType     the stored fully-qualified type, as hashed
     * @param payloadRevision the stored revision (not hashed; tells a verifier whether {@code payload} was upcast)
     * @param payload         the canonical payload text, as hashed
     */
    record Stored(String payloadType, String payloadRevision, String payload) {
    }
}
