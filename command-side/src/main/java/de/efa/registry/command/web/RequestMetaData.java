package de.efa.registry.command.web;

import de.efa.registry.kernel.common.RegistryMetaData;
import de.efa.registry.platform.security.RegistryUser;
import org.axonframework.messaging.MetaData;

/**
 * The metadata a command carries for its caller — principal and, for a keyed request, its Idempotency-Key — for
 * commands sent off the request thread.
 */
public final class RequestMetaData {

    private RequestMetaData() {
    }

    public static MetaData ofCaller() {
        return of(RegistryUser.current().name());
    }

    public static MetaData of(String principal) {
        return MetaData.with(RegistryMetaData.PRINCIPAL, principal).mergedWith(IdempotentRequest.metaData());
    }
}
