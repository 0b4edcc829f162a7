package de.efa.registry.kernel.cooperation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Let a member state leave a cooperation. */
public record LeaveCooperation(@TargetAggregateIdentifier CooperationId cooperationId, de.efa.registry.kernel.municipality.StateCode state, java.time.LocalDate leftOn) {
}
