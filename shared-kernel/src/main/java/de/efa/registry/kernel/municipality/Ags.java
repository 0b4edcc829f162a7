package de.efa.registry.kernel.municipality;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import de.efa.registry.kernel.common.ValueObjects;

/** Amtlicher Gemeindeschlüssel: 8 digits, the first two are the state code. Identifies a municipality. */
public record Ags(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Ags {
        ValueObjects.requireDigits(value, 8, "AGS");
        new StateCode(value.substring(0, 2));
    }

    public static Ags of(String value) {
        return new Ags(value);
    }

    public StateCode state() {
        return new StateCode(value.substring(0, 2));
    }

    public DistrictKey district() {
        return new DistrictKey(value.substring(0, 5));
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
