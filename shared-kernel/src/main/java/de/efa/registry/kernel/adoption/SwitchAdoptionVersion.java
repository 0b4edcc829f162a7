package de.efa.registry.kernel.adoption;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import java.time.LocalDate;

/** Move an adoption to another ACTIVE version of its service. */
public record SwitchAdoptionVersion(@TargetAggregateIdentifier Ags ags, AdoptionId adoptionId, ServiceVersion version, LocalDate effectiveFrom) {
}
