package de.efa.registry.command.adoption;

import de.efa.registry.command.lookup.AuthorityFacts;
import de.efa.registry.command.lookup.RuleFacts;
import de.efa.registry.kernel.authority.AuthorityId;
import de.efa.registry.kernel.common.RuleViolated;
import de.efa.registry.kernel.municipality.Ags;

/**
 * The authority an adoption names must exist and belong to the municipality's state: a state's authorities handle the
 * applications of its own municipalities, also for a service another state provides (Einer für Alle shares the
 * software, not the responsibility).
 */
public final class AuthorityOfTheState {

    public static final String UNKNOWN = "unknown-authority";
    public static final String OTHER_STATE = "authority-of-another-state";

    private AuthorityOfTheState() {
    }

    static AuthorityFacts check(RuleFacts facts, AuthorityId authorityId, Ags ags) {
        AuthorityFacts authority = facts.authority(authorityId).orElseThrow(() -> new RuleViolated(UNKNOWN,
                "Unknown authority", "No authority with id " + authorityId + " is recorded"));
        if (!authority.state().equals(ags.state())) {
            throw new RuleViolated(OTHER_STATE, "Authority of another state", "Authority " + authorityId + " ("
                    + authority.name() + ") belongs to state " + authority.state() + ", municipality " + ags
                    + " to state " + ags.state());
        }
        return authority;
    }
}
