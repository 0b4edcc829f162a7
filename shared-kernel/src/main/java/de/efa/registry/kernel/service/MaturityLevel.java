package de.efa.registry.kernel.service;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import de.efa.registry.kernel.common.InvalidValueException;

/**
 * Reifegrad: a level of a {@link MaturityModel} — 0 offline to 4 online transaction in the OZG's first model, 0 to 7
 * in the model 2.0. Which levels exist depends on the model, which events store beside the level; this value only
 * bounds a level by the largest model.
 */
public record MaturityLevel(int level) implements Comparable<MaturityLevel> {

    /** The model of every level stored before versions named their model. */
    public static final String MODEL = MaturityModel.FIRST.id();

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public MaturityLevel {
        if (level < 0 || level > MaturityModel.OZG_2_0.highestLevel()) {
            throw new InvalidValueException("maturity level must be between 0 and 4 (model OZG-1.0) or 0 and 7 "
                    + "(model OZG-2.0), got " + level);
        }
    }

    public static MaturityLevel of(int level) {
        return new MaturityLevel(level);
    }

    @JsonValue
    @Override
    public int level() {
        return level;
    }

    @Override
    public int compareTo(MaturityLevel other) {
        return Integer.compare(level, other.level);
    }

    @Override
    public String toString() {
        return Integer.toString(level);
    }
}
