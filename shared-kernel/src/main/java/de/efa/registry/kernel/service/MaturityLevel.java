package de.efa.registry.kernel.service;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import de.efa.registry.kernel.common.InvalidValueException;

/**
 * Reifegrad of the OZG maturity model: 0 offline, 1 information, 2 form assistant, 3 online service,
 * 4 online transaction. The model's name is stored beside it in events ({@link #MODEL}) so a later model can coexist.
 */
public record MaturityLevel(int level) implements Comparable<MaturityLevel> {

    public static final String MODEL = "OZG-1.0";

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public MaturityLevel {
        if (level < 0 || level > 4) {
            throw new InvalidValueException("maturity level must be between 0 and 4, got " + level);
        }
    }

    public static MaturityLevel of(int level) {
        return new MaturityLevel(level);
    }

    public String label() {
        return switch (level) {
            case 0 -> "offline";
            case 1 -> "information";
            case 2 -> "form assistant";
            case 3 -> "online service";
            default -> "online transaction";
        };
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
