package de.efa.registry.command.adoption;

import de.efa.registry.command.lookup.AgreementFacts;
import de.efa.registry.command.lookup.CooperationFacts;
import de.efa.registry.command.lookup.ServiceFacts;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.ServiceVersion;

import java.time.LocalDate;
import java.util.List;

/**
 * An adoption (or a switch) as the policies judge it: the service with its versions, the version it would run on,
 * the state of the adopting municipality, the day it takes effect, and the cooperations and reuse agreements as of this
 * moment. Every
 * fact a policy reads is here, so a policy is a plain function of this record.
 */
public record AdoptionCase(ServiceFacts service, ServiceVersion version, StateCode adoptingState, LocalDate effectiveFrom,
                           List<CooperationFacts> cooperations, List<AgreementFacts> agreements) {

    public AdoptionCase {
        cooperations = List.copyOf(cooperations);
        agreements = List.copyOf(agreements);
    }
}
