package de.efa.registry.kernel.cooperation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Let a state join a cooperation. */
public record JoinCooperation(@TargetAggregateIdentifier CooperationId cooperationId, de.efa.registry.kernel.municipality.StateCode state, java.time.LocalDate joinedOn) {
}
