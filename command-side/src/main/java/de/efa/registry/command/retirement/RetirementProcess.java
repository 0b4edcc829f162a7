package de.efa.registry.command.retirement;

import de.efa.registry.kernel.adoption.AdoptionEnded;
import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.adoption.AdoptionMarkedUnsupported;
import de.efa.registry.kernel.adoption.AdoptionStarted;
import de.efa.registry.kernel.adoption.AdoptionVersionSwitched;
import de.efa.registry.kernel.adoption.MarkAdoptionUnsupported;
import de.efa.registry.kernel.adoption.MigrateAdoption;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import de.efa.registry.kernel.service.VersionRetired;
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


/**
 * Retiring a version moves every adoption still ACTIVE on it: to the successor, effective on the retirement date, or
 * to UNSUPPORTED when there is none. Adoptions that race the retirement (started or switched onto the version while
 * it was being retired) come after it in the stream and are moved when they arrive. A tracking processor with its
 * token in MongoDB, so a restart resumes where it stopped; a replayed event sends commands the Municipality ignores.
 */
@Component
@ProcessingGroup(RetirementProcess.NAME)
class RetirementProcess {

    static final String NAME = "retirement";
    private static final Logger log = LoggerFactory.getLogger(RetirementProcess.class);

    private final RetirementLedger ledger;
    private final CommandGateway commands;

    RetirementProcess(RetirementLedger ledger, CommandGateway commands) {
        this.ledger = ledger;
        this.commands = commands;
    }

    @EventHandler
    void on(VersionRetired e, EventMessage<VersionRetired> message) {
        ledger.retired(e.serviceId(), e.version(), e.retiredOn(), e.successor());
        var running = ledger.activeOn(e.serviceId(), e.version());
        log.info("Version {} of service {} retired: moving {} adoptions to {}", e.version(), e.serviceId(), running.size(),
                e.successor() == null ? "UNSUPPORTED" : e.successor());
        for (RetirementLedger.RunningAdoption adoption : running) {
            move(adoption.adoptionId(), adoption.ags(), e.serviceId(), e.version(), message);
        }
        // the moves' events are stored when this batch commits (commands sent from a handler commit with it):
        // only then may a waiting retirement answer count them as done
        CurrentUnitOfWork.get().root().afterCommit(batch -> ledger.moved(e.serviceId(), e.version()));
    }

    @EventHandler
    void on(AdoptionStarted e, EventMessage<AdoptionStarted> message) {
        ledger.runsOn(e.adoptionId(), e.ags(), e.serviceId(), e.version());
        move(e.adoptionId(), e.ags(), e.serviceId(), e.version(), message);
    }

    @EventHandler
    void on(AdoptionVersionSwitched e, EventMessage<AdoptionVersionSwitched> message) {
        ledger.runsOn(e.adoptionId(), e.ags(), e.serviceId(), e.toVersion());
        move(e.adoptionId(), e.ags(), e.serviceId(), e.toVersion(), message);
    }

    @EventHandler
    void on(AdoptionMarkedUnsupported e) {
        ledger.stopped(e.adoptionId());
    }

    @EventHandler
    void on(AdoptionEnded e) {
        ledger.stopped(e.adoptionId());
    }

    /** Moves the adoption off {@code version} if that version is retired; otherwise nothing to do. */
    private void move(AdoptionId adoptionId, Ags ags, ServiceId serviceId, ServiceVersion version, EventMessage<?> cause) {
        ledger.retirementOf(serviceId, version).ifPresent(retirement -> {
            Object command = retirement.successor() == null
                    ? new MarkAdoptionUnsupported(ags, adoptionId, version, retirement.retiredOn())
                    : new MigrateAdoption(ags, adoptionId, version, retirement.successor(), retirement.retiredOn());
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(CausedByEvent.metaData(cause)));
        });
    }
}
