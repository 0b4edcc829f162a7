package de.efa.registry.kernel.service;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import de.efa.registry.kernel.common.InvalidValueException;

import java.util.Arrays;

/**
 * The maturity model a version's level belongs to: the OZG's first model with levels 0–4 (offline to online
 * transaction), and the states' model 2.0 with levels 0–7. Levels of two models never add up: a 4 of one is not a 4
 * of the other, so every figure keeps them apart.
 */
public enum MaturityModel {
    OZG_1_0("OZG-1.0", 4),
    OZG_2_0("OZG-2.0", 7);

    private final String id;
    private final int highestLevel;

    MaturityModel(String id, int highestLevel) {
        this.id = id;
        this.highestLevel = highestLevel;
    }

    /** The model every version was published under before a version could name one. */
    public static final MaturityModel FIRST = OZG_1_0;

    @JsonCreator
    public static MaturityModel named(String id) {
        return Arrays.stream(values()).filter(model -> model.id.equals(id)).findFirst()
                .orElseThrow(() -> new InvalidValueException("maturity model must be one of OZG-1.0, OZG-2.0, got '" + id + "'"));
    }

    @JsonValue
    public String id() {
        return id;
    }

    public int highestLevel() {
        return highestLevel;
    }

    /** Refuses a level the model does not have. */
    public void requireLevel(MaturityLevel level) {
        if (level.level() > highestLevel) {
            throw new InvalidValueException("maturity level " + level + " does not exist in model " + id + " (levels 0 to "
                    + highestLevel + ")");
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
