package de.efa.registry.kernel.reuse;

import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.ServiceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The providing state offers its service to other states for reuse, on these terms, from {@code validFrom}. */
public record OfferService(@TargetAggregateIdentifier OfferId offerId, ServiceId serviceId, StateCode providingState,
                           String terms, CostModel costModel, LocalDate validFrom) {
}
