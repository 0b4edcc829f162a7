package de.efa.registry.kernel.cooperation;

import com.fasterxml.jackson.annotation.JsonCreator;
import de.efa.registry.kernel.common.MintedId;
import de.efa.registry.kernel.common.Uuids;

/** Identifies one cooperation (a UUID the registry mints). */
public final class CooperationId extends MintedId {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CooperationId(String value) {
        super(value, "cooperationId");
    }

    public static CooperationId of(String value) {
        return new CooperationId(value);
    }

    public static CooperationId random() {
        return new CooperationId(Uuids.random());
    }
}
