package de.efa.registry.kernel.adoption;

import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import java.time.LocalDate;

/** A municipality adopted a version of a service from a date on; crossBorder when the provider is another state. */
public record AdoptionStarted(AdoptionId adoptionId, Ags ags, ServiceId serviceId, ServiceVersion version, StateCode providingState, boolean crossBorder, LocalDate effectiveFrom) {
}
