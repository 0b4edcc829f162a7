package de.efa.registry.kernel.reuse;

import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.ServiceId;

import java.time.LocalDate;

/**
 * One side gave notice: the agreement holds until the day before {@code endsOn}. Carries the service and the states so
 * that the process ending the adoptions resting on it needs nothing else.
 */
public record AgreementTerminated(AgreementId agreementId, ServiceId serviceId, StateCode providingState,
                                  StateCode adoptingState, StateCode terminatedBy, LocalDate endsOn) {
}
