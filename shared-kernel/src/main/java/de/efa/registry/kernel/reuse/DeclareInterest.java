package de.efa.registry.kernel.reuse;

import de.efa.registry.kernel.municipality.StateCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Another state declares its interest in an offer, on {@code declaredOn}. */
public record DeclareInterest(@TargetAggregateIdentifier OfferId offerId, StateCode state, LocalDate declaredOn) {
}
