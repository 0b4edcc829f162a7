package de.efa.registry.kernel.adoption;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import java.time.LocalDate;

/** End an adoption. */
public record TerminateAdoption(@TargetAggregateIdentifier Ags ags, AdoptionId adoptionId, LocalDate endsOn) {
}
