package de.efa.registry.kernel.municipality;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import de.efa.registry.kernel.common.ValueObjects;

/** Amtlicher Regionalschlüssel: state 2, region 1, district 2, association 4, municipality 3 digits. */
public record Ars(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Ars {
        ValueObjects.requireDigits(value, 12, "ARS");
        new StateCode(value.substring(0, 2));
    }

    public static Ars of(String value) {
        return new Ars(value);
    }

    /** The AGS drops the association digits. */
    public Ags ags() {
        return new Ags(value.substring(0, 5) + value.substring(9, 12));
    }

    public String associationKey() {
        return value.substring(0, 9);
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
