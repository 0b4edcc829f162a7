package de.efa.registry.kernel.adoption;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import de.efa.registry.kernel.common.Uuids;

/** Identifies one adoption (a UUID the registry mints). */
public record AdoptionId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AdoptionId {
        value = Uuids.require(value, "adoptionId");
    }

    public static AdoptionId of(String value) {
        return new AdoptionId(value);
    }

    public static AdoptionId random() {
        return new AdoptionId(Uuids.random());
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
