package de.efa.registry.kernel.authority;

import de.efa.registry.kernel.municipality.StateCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record an authority of a state under a new id. */
public record RegisterAuthority(@TargetAggregateIdentifier AuthorityId authorityId, StateCode state,
                                AuthorityProfile profile) {
}
