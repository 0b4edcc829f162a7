package de.efa.registry.kernel.authority;

import de.efa.registry.kernel.municipality.StateCode;

/** An authority of a state was recorded. */
public record AuthorityRegistered(AuthorityId authorityId, StateCode state, AuthorityProfile profile) {
}
