package de.efa.registry.kernel.cooperation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Found a cooperation of at least two distinct states. */
public record FoundCooperation(@TargetAggregateIdentifier CooperationId cooperationId, String name, java.util.List<de.efa.registry.kernel.municipality.StateCode> foundingStates, java.time.LocalDate signedOn) {
}
