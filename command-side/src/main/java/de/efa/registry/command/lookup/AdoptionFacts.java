package de.efa.registry.command.lookup;

import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.adoption.AdoptionStatus;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;

/** Where an adoption lives (its municipality) and what it runs on: routes adoption commands by adoption id. */
public record AdoptionFacts(AdoptionId adoptionId, Ags ags, ServiceId serviceId, ServiceVersion version, AdoptionStatus status) {
}
