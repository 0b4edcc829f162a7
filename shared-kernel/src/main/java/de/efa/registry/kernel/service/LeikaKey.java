package de.efa.registry.kernel.service;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import de.efa.registry.kernel.common.ValueObjects;

/** Leistungsschlüssel (LeiKa/FIM): 14 digits. Federal keys start with 99, which is not required. */
public record LeikaKey(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public LeikaKey {
        ValueObjects.requireDigits(value, 14, "LeiKa key");
    }

    public static LeikaKey of(String value) {
        return new LeikaKey(value);
    }

    public boolean isFederal() {
        return value.startsWith("99");
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
