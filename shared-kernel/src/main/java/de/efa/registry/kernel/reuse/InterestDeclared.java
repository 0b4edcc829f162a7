package de.efa.registry.kernel.reuse;

import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.ServiceId;

import java.time.LocalDate;

/** A state declared its interest in reusing an offered service. */
public record InterestDeclared(OfferId offerId, ServiceId serviceId, StateCode state, LocalDate declaredOn) {
}
