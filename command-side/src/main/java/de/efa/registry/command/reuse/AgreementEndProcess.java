package de.efa.registry.command.reuse;

import de.efa.registry.command.lookup.CooperationFacts;
import de.efa.registry.command.lookup.WriteLookup;
import de.efa.registry.kernel.adoption.AdoptionEnded;
import de.efa.registry.kernel.adoption.AdoptionStarted;
import de.efa.registry.kernel.adoption.CrossBorderBasis;
import de.efa.registry.kernel.adoption.EndAdoptionWithItsAgreement;
import de.efa.registry.kernel.reuse.AgreementId;
import de.efa.registry.kernel.reuse.AgreementTerminated;
import de.efa.registry.command.axon.CausedByEvent;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * When a reuse agreement ends, the adoptions that rest on it alone end on the same day: those whose states are not
 * (also) members of one cooperation on that day. An adoption recorded under the agreement after its termination (it
 * took effect before the end) is ended when it arrives. A tracking processor with its token in MongoDB, like the
 * retirement process; a replayed event sends commands the Municipality ignores.
 */
@Component
@ProcessingGroup(AgreementEndProcess.NAME)
class AgreementEndProcess {

    static final String NAME = "agreement-end";
    private static final Logger log = LoggerFactory.getLogger(AgreementEndProcess.class);

    private final AgreementLedger ledger;
    private final WriteLookup lookup;
    private final CommandGateway commands;

    AgreementEndProcess(AgreementLedger ledger, WriteLookup lookup, CommandGateway commands) {
        this.ledger = ledger;
        this.lookup = lookup;
        this.commands = commands;
    }

    @EventHandler
    void on(AgreementTerminated e, EventMessage<AgreementTerminated> message) {
        ledger.ended(e.agreementId(), e.endsOn(), e.providingState(), e.adoptingState());
        var resting = ledger.runningOn(e.agreementId());
        // decided once for all its adoptions: they share the agreement, its end and its two states
        boolean endsThem = !cooperationHolds(new AgreementLedger.Ending(e.endsOn(), e.providingState(), e.adoptingState()));
        log.info("Agreement {} ends on {}: {} the {} adoptions resting on it", e.agreementId(), e.endsOn(),
                endsThem ? "ending" : "a cooperation of both states keeps", resting.size());
        if (endsThem) {
            resting.forEach(adoption -> end(adoption, e.agreementId(), e.endsOn(), message));
        }
        // the ends' events are stored when this batch commits: only then may a waiting termination answer count them
        CurrentUnitOfWork.get().root().afterCommit(batch -> ledger.done(e.agreementId()));
    }

    @EventHandler
    void on(AdoptionStarted e, EventMessage<AdoptionStarted> message) {
        CrossBorderBasis basis = e.legalBasis();
        if (basis == null || basis.kind() != CrossBorderBasis.Kind.AGREEMENT) {
            return;
        }
        AgreementId agreementId = AgreementId.of(basis.id());
        ledger.restsOn(e.adoptionId(), e.ags(), agreementId);
        ledger.endingOf(agreementId).filter(ending -> !cooperationHolds(ending)).ifPresent(ending ->
                end(new AgreementLedger.RestingAdoption(e.adoptionId(), e.ags()), agreementId, ending.endsOn(), message));
    }

    @EventHandler
    void on(AdoptionEnded e) {
        ledger.stopped(e.adoptionId());
    }

    private void end(AgreementLedger.RestingAdoption adoption, AgreementId agreementId, LocalDate endsOn,
                     EventMessage<?> cause) {
        Object command = new EndAdoptionWithItsAgreement(adoption.ags(), adoption.adoptionId(), agreementId, endsOn);
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(CausedByEvent.metaData(cause)));
    }

    /** The adoption does not rest on the agreement alone when both states share a cooperation on its last day's morrow. */
    private boolean cooperationHolds(AgreementLedger.Ending ending) {
        LocalDate day = ending.endsOn();
        for (CooperationFacts cooperation : lookup.cooperations()) {
            if (cooperation.isMemberOn(ending.providingState(), day) && cooperation.isMemberOn(ending.adoptingState(), day)) {
                return true;
            }
        }
        return false;
    }
}
