package de.efa.registry.kernel.adoption;

import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import java.time.LocalDate;

/** The adopted version was retired without a successor: the adoption stays, but unsupported. */
public record AdoptionMarkedUnsupported(AdoptionId adoptionId, Ags ags, ServiceId serviceId, ServiceVersion version, LocalDate since) {
}
