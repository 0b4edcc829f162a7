package de.efa.registry.query.audit;

import java.util.List;

/** A page of the event history; {@code next} is the {@code after} of the following page, null at the end. */
record EventPage(List<AuditedEvent> events, Long next) {
}
