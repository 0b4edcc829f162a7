package de.efa.registry.kernel.cooperation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import de.efa.registry.kernel.common.Uuids;

/** Identifies one cooperation (a UUID the registry mints). */
public record CooperationId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CooperationId {
        value = Uuids.require(value, "cooperationId");
    }

    public static CooperationId of(String value) {
        return new CooperationId(value);
    }

    public static CooperationId random() {
        return new CooperationId(Uuids.random());
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
