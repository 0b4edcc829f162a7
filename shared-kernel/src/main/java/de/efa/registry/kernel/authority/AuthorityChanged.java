package de.efa.registry.kernel.authority;

import de.efa.registry.kernel.municipality.StateCode;

/** What is recorded of an authority was replaced (its state stays: an authority never moves to another state). */
public record AuthorityChanged(AuthorityId authorityId, StateCode state, AuthorityProfile profile) {
}
