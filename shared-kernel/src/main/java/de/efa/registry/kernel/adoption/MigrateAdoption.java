package de.efa.registry.kernel.adoption;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import java.time.LocalDate;

/** Issued by the retirement process: move an adoption off a retired version to its successor. */
public record MigrateAdoption(@TargetAggregateIdentifier Ags ags, AdoptionId adoptionId, ServiceVersion retiredVersion, ServiceVersion successor, LocalDate effectiveFrom) {
}
