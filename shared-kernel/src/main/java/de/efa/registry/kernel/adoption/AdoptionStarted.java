package de.efa.registry.kernel.adoption;

import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import java.time.LocalDate;

/**
 * A municipality adopted a version of a service from a date on; crossBorder when the provider is another state, and
 * then {@code legalBasis} names what the adoption rests on. It is null within one state, and on cross-border adoptions
 * recorded before the registry recorded legal bases (they all rested on a cooperation).
 */
public record AdoptionStarted(AdoptionId adoptionId, Ags ags, ServiceId serviceId, ServiceVersion version,
                              StateCode providingState, boolean crossBorder, LocalDate effectiveFrom,
                              CrossBorderBasis legalBasis) {

    /** An adoption without a legal basis of its own: within one state. */
    public AdoptionStarted(AdoptionId adoptionId, Ags ags, ServiceId serviceId, ServiceVersion version,
                           StateCode providingState, boolean crossBorder, LocalDate effectiveFrom) {
        this(adoptionId, ags, serviceId, version, providingState, crossBorder, effectiveFrom, null);
    }
}
