package de.efa.registry.kernel.service;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register an online service of a providing state. */
public record RegisterService(@TargetAggregateIdentifier ServiceId serviceId, LeikaKey leikaKey, String name, de.efa.registry.kernel.municipality.StateCode providingState, ReuseModel reuse, String topic, String description) {
}
