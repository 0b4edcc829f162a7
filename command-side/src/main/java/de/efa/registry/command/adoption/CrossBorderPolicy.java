package de.efa.registry.command.adoption;

import de.efa.registry.command.lookup.ServiceFacts;
import de.efa.registry.kernel.common.RuleViolated;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.ReuseModel;

/**
 * Einer für Alle across a state border: a municipality may adopt another state's service only if the service is
 * offered for reuse ({@code EFA}) and both states are members of one cooperation on the adoption's effective date.
 */
public final class CrossBorderPolicy implements AdoptionPolicy {

    public static final String RULE = "cross-border-not-permitted";

    public static boolean isCrossBorder(StateCode providingState, StateCode adoptingState) {
        return !providingState.equals(adoptingState);
    }

    @Override
    public void check(AdoptionCase adoption) {
        ServiceFacts service = adoption.service();
        StateCode adoptingState = adoption.adoptingState();
        if (!isCrossBorder(service.providingState(), adoptingState)) {
            return;
        }
        if (service.reuse() != ReuseModel.EFA) {
            throw new RuleViolated(RULE, "Cross-border adoption not permitted",
                    "Service " + service.serviceId() + " of state " + service.providingState()
                            + " is not offered for reuse (STATE_ONLY)");
        }
        boolean shareCooperation = adoption.cooperations().stream().anyMatch(c ->
                c.isMemberOn(service.providingState(), adoption.effectiveFrom())
                        && c.isMemberOn(adoptingState, adoption.effectiveFrom()));
        if (!shareCooperation) {
            throw new RuleViolated(RULE, "Cross-border adoption not permitted",
                    "States " + service.providingState() + " and " + adoptingState
                            + " are not members of one cooperation on " + adoption.effectiveFrom());
        }
    }
}
