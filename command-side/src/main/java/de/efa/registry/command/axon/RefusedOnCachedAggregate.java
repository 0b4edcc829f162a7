package de.efa.registry.command.axon;

import de.efa.registry.kernel.common.DomainException;

/**
 * A refusal decided on an aggregate from the {@link AggregateCache}: the cached state may be behind another
 * instance's appends, so the sender decides the command once more from the store before it believes the refusal.
 * Never reaches a caller: the sender unwraps the refusal when the second decision agrees.
 */
final class RefusedOnCachedAggregate extends RuntimeException {

    RefusedOnCachedAggregate(DomainException refusal) {
        super(refusal.getMessage(), refusal, false, false);
    }

    DomainException refusal() {
        return (DomainException) getCause();
    }
}
