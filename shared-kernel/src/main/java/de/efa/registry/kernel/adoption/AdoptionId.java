package de.efa.registry.kernel.adoption;

import com.fasterxml.jackson.annotation.JsonCreator;
import de.efa.registry.kernel.common.MintedId;
import de.efa.registry.kernel.common.Uuids;

/** Identifies one adoption (a UUID the registry mints). */
public final class AdoptionId extends MintedId {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AdoptionId(String value) {
        super(value, "adoptionId");
    }

    public static AdoptionId of(String value) {
        return new AdoptionId(value);
    }

    public static AdoptionId random() {
        return new AdoptionId(Uuids.random());
    }
}
