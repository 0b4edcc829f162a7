package de.efa.registry.kernel.adoption;

import de.efa.registry.kernel.authority.AuthorityId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import java.time.LocalDate;

/**
 * A municipality adopts a version of a service (the latest ACTIVE one when version is null); {@code authorityId}, when
 * given, names the authority handling its applications from the first day.
 */
public record AdoptService(@TargetAggregateIdentifier Ags ags, AdoptionId adoptionId, ServiceId serviceId, ServiceVersion version,
                           LocalDate effectiveFrom, AuthorityId authorityId) {

    /** An adoption that names no authority (yet). */
    public AdoptService(Ags ags, AdoptionId adoptionId, ServiceId serviceId, ServiceVersion version, LocalDate effectiveFrom) {
        this(ags, adoptionId, serviceId, version, effectiveFrom, null);
    }
}
