package de.efa.registry.kernel.adoption;

import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import java.time.LocalDate;

/** A municipality terminated an adoption. */
public record AdoptionEnded(AdoptionId adoptionId, Ags ags, ServiceId serviceId, LocalDate endsOn) {
}
