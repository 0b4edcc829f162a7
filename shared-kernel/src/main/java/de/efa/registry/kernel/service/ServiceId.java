package de.efa.registry.kernel.service;

import com.fasterxml.jackson.annotation.JsonCreator;
import de.efa.registry.kernel.common.MintedId;
import de.efa.registry.kernel.common.Uuids;

/** Identifies one service (a UUID the registry mints). */
public final class ServiceId extends MintedId {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ServiceId(String value) {
        super(value, "serviceId");
    }

    public static ServiceId of(String value) {
        return new ServiceId(value);
    }

    public static ServiceId random() {
        return new ServiceId(Uuids.random());
    }
}
