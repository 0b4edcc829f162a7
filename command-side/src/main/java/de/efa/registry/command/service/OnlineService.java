package de.efa.registry.command.service;

import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.RegisterService;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An online service of one providing state: its versions and their lifecycle. */
@Aggregate(snapshotTriggerDefinition = "serviceSnapshotTrigger")
public class OnlineService {

    @AggregateIdentifier
    private ServiceId serviceId;
    private StateCode providingState;

    protected OnlineService() {
        // for Axon
    }

    @CommandHandler
    public OnlineService(RegisterService command) {
        apply(new ServiceRegistered(command.serviceId(), command.leikaKey(), command.name(), command.providingState(),
                command.reuse(), command.topic(), command.description()));
    }

    @EventSourcingHandler
    void on(ServiceRegistered event) {
        this.serviceId = event.serviceId();
        this.providingState = event.providingState();
    }
}
