package de.efa.registry.kernel.municipality;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import de.efa.registry.kernel.common.ValueObjects;

/** Kreisschlüssel: 5 digits, the first two are the state code. */
public record DistrictKey(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public DistrictKey {
        ValueObjects.requireDigits(value, 5, "district key");
        new StateCode(value.substring(0, 2));
    }

    public static DistrictKey of(String value) {
        return new DistrictKey(value);
    }

    public StateCode state() {
        return new StateCode(value.substring(0, 2));
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
