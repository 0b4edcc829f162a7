package de.efa.registry.command.axon;

import de.efa.registry.kernel.common.RegistryMetaData;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;

/**
 * The metadata of a command a process sends: the system acts, on behalf of the event that made it act (its causation),
 * within that event's correlation — so the audit history leads from every moved or ended adoption back to the
 * retirement or termination that caused it.
 */
public final class CausedByEvent {

    private CausedByEvent() {
    }

    public static MetaData metaData(EventMessage<?> cause) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(RegistryMetaData.PRINCIPAL, RegistryMetaData.SYSTEM_PRINCIPAL);
        metaData.put(RegistryMetaData.CAUSATION_ID, cause.getIdentifier());
        metaData.put(RegistryMetaData.CORRELATION_ID,
                cause.getMetaData().getOrDefault(RegistryMetaData.CORRELATION_ID, cause.getIdentifier()));
        return MetaData.from(metaData);
    }
}
