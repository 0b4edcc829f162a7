package de.efa.registry.kernel.service;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deprecate an ACTIVE version, announcing its sunset. */
public record DeprecateVersion(@TargetAggregateIdentifier ServiceId serviceId, ServiceVersion version, java.time.LocalDate sunsetOn, ServiceVersion successor) {
}
