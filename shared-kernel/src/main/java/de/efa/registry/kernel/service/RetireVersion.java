package de.efa.registry.kernel.service;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retire a version; its adoptions migrate to the successor (a higher ACTIVE version) or become unsupported. */
public record RetireVersion(@TargetAggregateIdentifier ServiceId serviceId, ServiceVersion version, java.time.LocalDate retiredOn, ServiceVersion successor) {
}
