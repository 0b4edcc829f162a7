package de.efa.registry.query.audit;

import de.efa.registry.eventstore.EventDocument;
import org.bson.Document;

import java.time.Instant;

/**
 * Which events an auditor asked for. Every part is optional; time bounds are inclusive and compare the instant the
 * event was recorded. The type matches the simple name ({@code VersionPublished}) or the fully qualified one.
 */
record EventFilter(String aggregateId, String type, Instant from, Instant to) {

    static final EventFilter ALL = new EventFilter(null, null, null, null);

    EventFilter {
        if (from != null && to != null && from.isAfter(to)) {
            throw new de.efa.registry.kernel.common.InvalidValueException("from", "from must not be after to");
        }
        if (aggregateId != null && aggregateId.isBlank()) {
            aggregateId = null;
        }
        if (type != null && type.isBlank()) {
            type = null;
        }
    }

    /** What can be decided on the stored document alone, before the payload is upcast. */
    boolean matchesStored(Document stored) {
        if (aggregateId != null && !aggregateId.equals(stored.getString(EventDocument.AGGREGATE_ID))) {
            return false;
        }
        Instant timestamp = stored.getDate(EventDocument.TIMESTAMP).toInstant();
        return (from == null || !timestamp.isBefore(from)) && (to == null || !timestamp.isAfter(to));
    }

    /** The type is compared after upcasting: an upcaster may have renamed it. */
    boolean matchesType(String typeName) {
        return type == null || type.equals(typeName) || type.equals(AuditedEvents.simpleName(typeName));
    }
}
