package de.efa.registry.kernel.service;

import de.efa.registry.kernel.municipality.StateCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register an online service of a providing state, with what the catalogues say about it (or {@link CatalogueFacts#NONE}). */
public record RegisterService(@TargetAggregateIdentifier ServiceId serviceId, LeikaKey leikaKey, String name,
                              StateCode providingState, ReuseModel reuse, String topic, String description,
                              CatalogueFacts catalogue) {

    public RegisterService {
        catalogue = catalogue == null ? CatalogueFacts.NONE : catalogue;
    }

    /** A registration without catalogue facts. */
    public RegisterService(ServiceId serviceId, LeikaKey leikaKey, String name, StateCode providingState,
                           ReuseModel reuse, String topic, String description) {
        this(serviceId, leikaKey, name, providingState, reuse, topic, description, CatalogueFacts.NONE);
    }
}
