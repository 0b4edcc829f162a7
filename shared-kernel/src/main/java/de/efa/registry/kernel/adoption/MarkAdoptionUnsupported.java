package de.efa.registry.kernel.adoption;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import java.time.LocalDate;

/** Issued by the retirement process: the adoption's version was retired without successor. */
public record MarkAdoptionUnsupported(@TargetAggregateIdentifier Ags ags, AdoptionId adoptionId, ServiceVersion retiredVersion, LocalDate since) {
}
