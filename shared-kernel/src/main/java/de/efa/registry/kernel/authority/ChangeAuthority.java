package de.efa.registry.kernel.authority;

import de.efa.registry.kernel.municipality.StateCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace what is recorded of an authority; {@code state} must be the one it was recorded in. */
public record ChangeAuthority(@TargetAggregateIdentifier AuthorityId authorityId, StateCode state,
                              AuthorityProfile profile) {
}
