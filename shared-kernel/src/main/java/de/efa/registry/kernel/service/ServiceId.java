package de.efa.registry.kernel.service;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import de.efa.registry.kernel.common.Uuids;

/** Identifies one service (a UUID the registry mints). */
public record ServiceId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ServiceId {
        value = Uuids.require(value, "serviceId");
    }

    public static ServiceId of(String value) {
        return new ServiceId(value);
    }

    public static ServiceId random() {
        return new ServiceId(Uuids.random());
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
