package de.efa.registry.kernel.adoption;

import de.efa.registry.kernel.authority.AuthorityId;
import de.efa.registry.kernel.municipality.Ags;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Name the authority that handles an adoption's applications from {@code effectiveFrom} on. */
public record AssignAdoptionAuthority(@TargetAggregateIdentifier Ags ags, AdoptionId adoptionId, AuthorityId authorityId,
                                      LocalDate effectiveFrom) {
}
