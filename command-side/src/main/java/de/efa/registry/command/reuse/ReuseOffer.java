package de.efa.registry.command.reuse;

import de.efa.registry.command.axon.CommandTargets;
import de.efa.registry.command.cooperation.AgreementDates;
import de.efa.registry.kernel.common.Conflict;
import de.efa.registry.kernel.common.RuleViolated;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.reuse.DeclareInterest;
import de.efa.registry.kernel.reuse.InterestDeclared;
import de.efa.registry.kernel.reuse.OfferId;
import de.efa.registry.kernel.reuse.OfferService;
import de.efa.registry.kernel.reuse.ServiceOffered;
import de.efa.registry.kernel.service.ServiceId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A providing state's offer of one of its services for reuse (as on the FIT-Store or the EfA-Marktplatz), and the
 * states that declared interest in it. An offer binds nobody: only a signed agreement is a legal basis.
 */
@Aggregate(commandTargetResolver = CommandTargets.BEAN)
public class ReuseOffer {

    @AggregateIdentifier
    private OfferId offerId;
    private ServiceId serviceId;
    private StateCode providingState;
    private Set<StateCode> interested = new HashSet<>();

    protected ReuseOffer() {
        // for Axon
    }

    @CommandHandler
    public ReuseOffer(OfferService command) {
        AgreementDates.today().check("An offer's start", command.validFrom());
        apply(new ServiceOffered(command.offerId(), command.serviceId(), command.providingState(), command.terms(),
                command.costModel(), command.validFrom()));
    }

    @CommandHandler
    void handle(DeclareInterest command) {
        if (command.state().equals(providingState)) {
            throw new RuleViolated("own-offer", "Interest in an own offer",
                    "State " + command.state() + " provides the service of offer " + offerId + " itself");
        }
        if (interested.contains(command.state())) {
            throw new Conflict("State " + command.state() + " already declared its interest in offer " + offerId);
        }
        apply(new InterestDeclared(offerId, serviceId, command.state(), command.declaredOn()));
    }

    @EventSourcingHandler
    void on(ServiceOffered event) {
        this.offerId = event.offerId();
        this.serviceId = event.serviceId();
        this.providingState = event.providingState();
    }

    @EventSourcingHandler
    void on(InterestDeclared event) {
        interested.add(event.state());
    }
}
