package de.efa.registry.kernel.reuse;

import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.ServiceId;

import java.time.LocalDate;

/** A reuse agreement was proposed by one of its two states; it binds nobody until the other countersigns. */
public record AgreementProposed(AgreementId agreementId, ServiceId serviceId, StateCode providingState,
                                StateCode adoptingState, LegalBasis legalBasis, String reference, LocalDate validFrom,
                                LocalDate validTo, StateCode proposedBy, LocalDate proposedOn) {
}
