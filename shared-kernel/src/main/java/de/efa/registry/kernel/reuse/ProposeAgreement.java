package de.efa.registry.kernel.reuse;

import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.ServiceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * One side proposes a reuse agreement for a service between its providing state and an adopting state, valid from
 * {@code validFrom} through {@code validTo}, its last valid day (open-ended without one); the other side countersigns.
 */
public record ProposeAgreement(@TargetAggregateIdentifier AgreementId agreementId, ServiceId serviceId,
                               StateCode providingState, StateCode adoptingState, LegalBasis legalBasis,
                               String reference, LocalDate validFrom, LocalDate validTo, StateCode proposedBy,
                               LocalDate proposedOn) {
}
