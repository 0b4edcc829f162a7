package de.efa.registry.eventstore.verify;

import com.fasterxml.jackson.databind.JsonNode;
import de.efa.registry.eventstore.Attribution;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One line of the NDJSON export ({@code GET /api/v1/audit/events/export}), reduced to what verifying the chain needs.
 * The fields are those the registry's {@code AuditedEvent} writes: the aggregate and sequence at the top level, who did
 * it and the chain links under {@code metadata}, and under {@code stored} the event as it was stored and hashed (type,
 * revision and the canonical payload text; the top-level {@code type}, {@code revision} and {@code payload} show the
 * event at today's revision, which may have been upcast since).
 *
 * @param chainRevision the exported revision number, null for revision 1
 * @param shownType     the top-level {@code type}: simple name at today's revision
 * @param shownRevision the top-level {@code revision}
 * @param shownPayload  the top-level {@code payload} (a missing one as JSON null)
 */
record ExportedEvent(long line, String aggregateId, long sequence, Instant timestamp, Attribution attribution,
                     String hash, String previousHash, Object chainRevision, String storedType, String storedRevision,
                     String storedPayload, String shownType, String shownRevision, JsonNode shownPayload) {

    static ExportedEvent of(JsonNode event, long line) throws UnusableExport {
        if (!event.isObject()) {
            throw new UnusableExport("line " + line + " is not a JSON object");
        }
        JsonNode metadata = event.path("metadata");
        JsonNode stored = event.path("stored");
        JsonNode sequence = required(event, "sequence", line);
        if (!sequence.canConvertToExactIntegral()) {
            throw new UnusableExport("line " + line + ": sequence is not a whole number");
        }
        Instant timestamp;
        try {
            timestamp = Instant.parse(requiredText(event, "timestamp", line));
        } catch (DateTimeParseException e) {
            throw new UnusableExport("line " + line + ": timestamp is not an ISO-8601 instant", e);
        }
        JsonNode revision = metadata.path("chainRevision");
        Object chainRevision = revision.isMissingNode() || revision.isNull() ? null
                : revision.canConvertToExactIntegral() ? (Object) revision.asLong() : revision.asText();
        return new ExportedEvent(line,
                requiredText(event, "aggregateId", line),
                sequence.asLong(),
                timestamp,
                new Attribution(text(metadata.path("principal")), text(metadata.path("correlationId")),
                        text(metadata.path("causationId"))),
                requiredText(metadata, "hash", line),
                requiredText(metadata, "previousHash", line),
                chainRevision,
                requiredText(stored, "payloadType", line),
                text(stored.path("payloadRevision")),
                requiredText(stored, "payload", line),
                text(event.path("type")),
                text(event.path("revision")),
                event.path("payload").isMissingNode() ? com.fasterxml.jackson.databind.node.NullNode.getInstance()
                        : event.path("payload"));
    }

    private static JsonNode required(JsonNode parent, String field, long line) throws UnusableExport {
        JsonNode value = parent.path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw new UnusableExport("line " + line + " has no " + field + (parent.isMissingNode()
                    ? " (its object is missing: an export from a registry before chain revision 2? export again)" : ""));
        }
        return value;
    }

    private static String requiredText(JsonNode parent, String field, long line) throws UnusableExport {
        JsonNode value = required(parent, field, line);
        if (!value.isTextual()) {
            throw new UnusableExport("line " + line + ": " + field + " is not a string");
        }
        return value.asText();
    }

    private static String text(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
