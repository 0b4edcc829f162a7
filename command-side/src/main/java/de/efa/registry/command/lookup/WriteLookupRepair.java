package de.efa.registry.command.lookup;

import org.axonframework.config.ProcessingGroup;
import org.springframework.stereotype.Component;

/**
 * Self-healing of the lookup. Without transactions an event can be stored and the process die before
 * {@link LiveWriteLookup} wrote its consequence. This tracking processor (its token in the Mongo token store) runs the
 * same idempotent handlers over the stored stream; for events the live handler already applied it costs one read by
 * {@code _id} each, and a lost update is repaired moments after the store comes back.
 */
@Component
@ProcessingGroup(WriteLookupProcessors.REPAIR)
class WriteLookupRepair extends WriteLookupUpdater {

    WriteLookupRepair(WriteLookupCollections collections, LeikaKeyClaims claims) {
        super(collections, claims);
    }

    @Override
    protected boolean seesEventsAsTheyAreMade() {
        return false;
    }
}
