package de.efa.registry.command.lookup;

import org.axonframework.config.ProcessingGroup;
import org.springframework.stereotype.Component;

/** The lookup updated by a subscribing processor: within the unit of work of the command that caused the events. */
@Component
@ProcessingGroup(WriteLookupProcessors.LIVE)
class LiveWriteLookup extends WriteLookupUpdater {

    LiveWriteLookup(WriteLookupCollections collections, LeikaKeyClaims claims) {
        super(collections, claims);
    }

    @Override
    protected boolean seesEventsAsTheyAreMade() {
        return true;
    }
}
