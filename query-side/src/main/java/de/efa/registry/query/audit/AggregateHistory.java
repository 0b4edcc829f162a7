package de.efa.registry.query.audit;

import java.util.List;

/** Every event of one aggregate's stream, in sequence order. */
record AggregateHistory(List<AuditedEvent> events) {
}
