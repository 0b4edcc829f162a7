package de.efa.registry.kernel.service;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace what the catalogues say about a service (the whole set: a part left out is no longer known). */
public record RecordCatalogueFacts(@TargetAggregateIdentifier ServiceId serviceId, CatalogueFacts facts) {
}
