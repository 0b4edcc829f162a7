package de.efa.registry.kernel.adoption;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import java.time.LocalDate;

/** A municipality adopts a version of a service (the latest ACTIVE one when version is null). */
public record AdoptService(@TargetAggregateIdentifier Ags ags, AdoptionId adoptionId, ServiceId serviceId, ServiceVersion version, LocalDate effectiveFrom) {
}
