package de.efa.registry.command.lookup;

import de.efa.registry.kernel.authority.AuthorityId;
import de.efa.registry.kernel.municipality.StateCode;

/** What the adoption rules know of an authority: which state it belongs to, and its name for their refusals. */
public record AuthorityFacts(AuthorityId authorityId, StateCode state, String name) {
}
