package de.efa.registry.kernel.reuse;

import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.ServiceId;

import java.time.LocalDate;

/** A providing state offered its service for reuse. */
public record ServiceOffered(OfferId offerId, ServiceId serviceId, StateCode providingState, String terms,
                             CostModel costModel, LocalDate validFrom) {
}
