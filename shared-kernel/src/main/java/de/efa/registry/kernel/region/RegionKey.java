package de.efa.registry.kernel.region;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import de.efa.registry.kernel.common.InvalidValueException;
import de.efa.registry.kernel.common.ValueObjects;
import de.efa.registry.kernel.municipality.Ars;

/**
 * Identifies a region: its level and its 12-digit ARS. The ARS alone does not, because city states and kreisfreie
 * Städte share one ARS across levels (Hamburg is state {@code 02}, district {@code 02000}, association
 * {@code 020000000} and municipality {@code 020000000000}: all {@code 020000000000}). Written {@code LEVEL:ARS}.
 */
public record RegionKey(RegionLevel level, Ars ars) {

    public RegionKey {
        if (level == null || ars == null) {
            throw new InvalidValueException("a region key needs a level and an ARS");
        }
        String padding = ars.value().substring(level.digits());
        if (!padding.chars().allMatch(c -> c == '0')) {
            throw new InvalidValueException("the ARS of a " + level + " has zeros after its first " + level.digits()
                    + " digits, got '" + ars + "'");
        }
    }

    public static RegionKey of(RegionLevel level, Ars ars) {
        return new RegionKey(level, ars);
    }

    /** The region of this level named by the leading digits of {@code digits} (e.g. the district of a municipality). */
    public static RegionKey of(RegionLevel level, String digits) {
        String leading = digits.substring(0, level.digits());
        return new RegionKey(level, Ars.of(leading + "0".repeat(12 - leading.length())));
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RegionKey parse(String value) {
        int colon = value == null ? -1 : value.indexOf(':');
        if (colon < 0) {
            throw new InvalidValueException("a region key is written LEVEL:ARS, got '"
                    + (value == null ? "" : ValueObjects.abbreviate(value)) + "'");
        }
        RegionLevel level;
        try {
            level = RegionLevel.valueOf(value.substring(0, colon));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("unknown region level in '" + ValueObjects.abbreviate(value) + "'");
        }
        return new RegionKey(level, Ars.of(value.substring(colon + 1)));
    }

    @JsonValue
    public String value() {
        return level.name() + ":" + ars.value();
    }

    @Override
    public String toString() {
        return value();
    }
}
