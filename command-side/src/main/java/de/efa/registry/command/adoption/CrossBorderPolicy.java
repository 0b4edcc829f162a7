package de.efa.registry.command.adoption;

import de.efa.registry.command.lookup.AgreementFacts;
import de.efa.registry.command.lookup.CooperationFacts;
import de.efa.registry.command.lookup.ServiceFacts;
import de.efa.registry.kernel.adoption.CrossBorderBasis;
import de.efa.registry.kernel.common.RuleViolated;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.ReuseModel;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Einer für Alle across a state border: a municipality may adopt another state's service only if the service is
 * offered for reuse ({@code EFA}) and, on the adoption's effective date, both states are members of one cooperation
 * or hold a signed reuse agreement for that service valid on that day. What the adoption rests on is its legal basis;
 * where both hold, the cooperation is named (it outlasts any one service's agreement).
 */
public final class CrossBorderPolicy implements AdoptionPolicy {

    public static final String RULE = "cross-border-not-permitted";

    public static boolean isCrossBorder(StateCode providingState, StateCode adoptingState) {
        return !providingState.equals(adoptingState);
    }

    @Override
    public void check(AdoptionCase adoption) {
        legalBasis(adoption);
    }

    /** What the adoption rests on; empty within one state. Refuses a cross-border adoption that rests on nothing. */
    public static Optional<CrossBorderBasis> legalBasis(AdoptionCase adoption) {
        ServiceFacts service = adoption.service();
        StateCode adoptingState = adoption.adoptingState();
        if (!isCrossBorder(service.providingState(), adoptingState)) {
            return Optional.empty();
        }
        if (service.reuse() != ReuseModel.EFA) {
            throw new RuleViolated(RULE, "Cross-border adoption not permitted",
                    "Service " + service.serviceId() + " of state " + service.providingState()
                            + " is not offered for reuse (STATE_ONLY)");
        }
        LocalDate day = adoption.effectiveFrom();
        Optional<CrossBorderBasis> cooperation = adoption.cooperations().stream()
                .filter(c -> c.isMemberOn(service.providingState(), day) && c.isMemberOn(adoptingState, day))
                .map(CooperationFacts::cooperationId).findFirst().map(CrossBorderBasis::cooperation);
        if (cooperation.isPresent()) {
            return cooperation;
        }
        Optional<CrossBorderBasis> agreement = adoption.agreements().stream()
                .filter(a -> a.permits(service.serviceId(), service.providingState(), adoptingState, day))
                .map(AgreementFacts::agreementId).sorted(java.util.Comparator.comparing(Object::toString)).findFirst()
                .map(CrossBorderBasis::agreement);
        if (agreement.isPresent()) {
            return agreement;
        }
        throw new RuleViolated(RULE, "Cross-border adoption not permitted",
                "States " + service.providingState() + " and " + adoptingState + " are neither members of one "
                        + "cooperation on " + day + " nor hold a signed agreement for service " + service.serviceId()
                        + " valid on that day");
    }
}
