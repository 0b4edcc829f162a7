package de.efa.registry.command.reuse;

import de.efa.registry.command.axon.CommandTargets;
import de.efa.registry.command.cooperation.AgreementDates;
import de.efa.registry.kernel.common.Conflict;
import de.efa.registry.kernel.common.RuleViolated;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.reuse.AgreementId;
import de.efa.registry.kernel.reuse.AgreementProposed;
import de.efa.registry.kernel.reuse.AgreementSigned;
import de.efa.registry.kernel.reuse.AgreementStatus;
import de.efa.registry.kernel.reuse.AgreementTerminated;
import de.efa.registry.kernel.reuse.ProposeAgreement;
import de.efa.registry.kernel.reuse.SignAgreement;
import de.efa.registry.kernel.reuse.TerminateAgreement;
import de.efa.registry.kernel.service.ServiceId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A reuse agreement for one service between its providing state and one adopting state. Either side proposes it; it
 * binds only once the other side has countersigned, and then holds from {@code validFrom} through {@code validTo}
 * (its last day; open-ended without one) or until the day before a termination's {@code endsOn}.
 */
@Aggregate(commandTargetResolver = CommandTargets.BEAN)
public class ReuseAgreement {

    @AggregateIdentifier
    private AgreementId agreementId;
    private ServiceId serviceId;
    private StateCode providingState;
    private StateCode adoptingState;
    private StateCode proposedBy;
    private LocalDate validFrom;
    private LocalDate validTo;
    private AgreementStatus status;

    protected ReuseAgreement() {
        // for Axon
    }

    @CommandHandler
    public ReuseAgreement(ProposeAgreement command) {
        if (command.providingState().equals(command.adoptingState())) {
            throw new RuleViolated("agreement-within-one-state", "Agreement within one state",
                    "State " + command.adoptingState() + " provides the service itself; it needs no agreement to use it");
        }
        if (!command.proposedBy().equals(command.providingState()) && !command.proposedBy().equals(command.adoptingState())) {
            throw new RuleViolated("not-a-party", "Not a party to the agreement", "State " + command.proposedBy()
                    + " is neither the providing state " + command.providingState() + " nor the adopting state "
                    + command.adoptingState());
        }
        AgreementDates.today().check("An agreement's start", command.validFrom());
        if (command.validTo() != null && command.validTo().isBefore(command.validFrom())) {
            throw new RuleViolated("valid-to-before-valid-from", "Validity ends before it begins",
                    "validTo " + command.validTo() + " lies before validFrom " + command.validFrom());
        }
        apply(new AgreementProposed(command.agreementId(), command.serviceId(), command.providingState(),
                command.adoptingState(), command.legalBasis(), command.reference(), command.validFrom(),
                command.validTo(), command.proposedBy(), command.proposedOn()));
    }

    @CommandHandler
    void handle(SignAgreement command) {
        if (status != AgreementStatus.PROPOSED) {
            throw new Conflict("Agreement " + agreementId + " is " + status + ": it was countersigned already");
        }
        requireParty(command.state());
        if (command.state().equals(proposedBy)) {
            throw new RuleViolated("countersignature-by-proposer", "Countersignature by the proposer", "State "
                    + proposedBy + " proposed agreement " + agreementId + "; the other side countersigns it");
        }
        AgreementDates.today().check("Countersigning", command.signedOn());
        apply(new AgreementSigned(agreementId, command.state(), command.signedOn()));
    }

    @CommandHandler
    void handle(TerminateAgreement command) {
        if (status == AgreementStatus.TERMINATED) {
            throw new Conflict("Agreement " + agreementId + " was terminated already");
        }
        requireParty(command.state());
        if (status == AgreementStatus.PROPOSED) {
            throw new RuleViolated("agreement-not-signed", "Agreement not signed",
                    "Agreement " + agreementId + " was never countersigned; there is nothing to terminate");
        }
        if (!command.endsOn().isAfter(validFrom)) {
            throw new RuleViolated("date-before-validity", "Date before validity",
                    "The agreement ending on " + command.endsOn() + " must end after it began on " + validFrom);
        }
        if (validTo != null && command.endsOn().isAfter(validTo)) {
            throw new RuleViolated("date-after-validity", "Date after validity", "The agreement expires after "
                    + validTo + " anyway; ending it on " + command.endsOn() + " would extend it");
        }
        AgreementDates.today().check("Ending an agreement", command.endsOn());
        apply(new AgreementTerminated(agreementId, serviceId, providingState, adoptingState, command.state(),
                command.endsOn()));
    }

    private void requireParty(StateCode state) {
        if (!state.equals(providingState) && !state.equals(adoptingState)) {
            throw new RuleViolated("not-a-party", "Not a party to the agreement", "State " + state + " is neither the "
                    + "providing state " + providingState + " nor the adopting state " + adoptingState
                    + " of agreement " + agreementId);
        }
    }

    @EventSourcingHandler
    void on(AgreementProposed event) {
        this.agreementId = event.agreementId();
        this.serviceId = event.serviceId();
        this.providingState = event.providingState();
        this.adoptingState = event.adoptingState();
        this.proposedBy = event.proposedBy();
        this.validFrom = event.validFrom();
        this.validTo = event.validTo();
        this.status = AgreementStatus.PROPOSED;
    }

    @EventSourcingHandler
    void on(AgreementSigned event) {
        this.status = AgreementStatus.SIGNED;
    }

    @EventSourcingHandler
    void on(AgreementTerminated event) {
        this.status = AgreementStatus.TERMINATED;
    }
}
