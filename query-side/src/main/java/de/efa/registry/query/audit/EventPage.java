package de.efa.registry.query.audit;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** A page of the event history; {@code next} is the {@code after} of the following page, null at the end. */
record EventPage(List<AuditedEvent> events, @Schema(types = {"integer", "null"}) Long next) {
}
