package de.efa.registry.kernel.adoption;

import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import java.time.LocalDate;

/** An adoption moved to another version of its service, on request or by the retirement process. */
public record AdoptionVersionSwitched(AdoptionId adoptionId, Ags ags, ServiceId serviceId, ServiceVersion fromVersion, ServiceVersion toVersion, LocalDate effectiveFrom, SwitchReason reason) {
}
