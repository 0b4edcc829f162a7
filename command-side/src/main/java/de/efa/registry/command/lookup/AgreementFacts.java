package de.efa.registry.command.lookup;

import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.reuse.AgreementId;
import de.efa.registry.kernel.service.ServiceId;

import java.time.LocalDate;

/**
 * A reuse agreement as the cross-border rule needs it: for which service, between which states, whether countersigned,
 * and its days — {@code validFrom} through {@code validTo} (inclusive, open-ended when null), and not from
 * {@code endsOn} on once terminated.
 */
public record AgreementFacts(AgreementId agreementId, ServiceId serviceId, StateCode providingState,
                             StateCode adoptingState, boolean signed, LocalDate validFrom, LocalDate validTo,
                             LocalDate endsOn) {

    /** Whether the agreement lets {@code adoptingState}'s municipalities use the service on {@code date}. */
    public boolean permits(ServiceId service, StateCode provider, StateCode adopter, LocalDate date) {
        return signed && serviceId.equals(service) && providingState.equals(provider) && adoptingState.equals(adopter)
                && !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo))
                && (endsOn == null || date.isBefore(endsOn));
    }
}
