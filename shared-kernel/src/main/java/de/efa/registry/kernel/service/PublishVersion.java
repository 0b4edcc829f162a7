package de.efa.registry.kernel.service;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Publish a new, strictly higher version of a service. */
public record PublishVersion(@TargetAggregateIdentifier ServiceId serviceId, ServiceVersion version, MaturityLevel maturityLevel, java.time.LocalDate releasedOn, String url) {
}
