package de.efa.registry.kernel.cooperation;

import de.efa.registry.kernel.municipality.StateCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A founding state signs a proposed cooperation; the last signature makes the founders members. */
public record SignCooperation(@TargetAggregateIdentifier CooperationId cooperationId, StateCode state, LocalDate signedOn) {
}
