package de.efa.registry.kernel.region;

/**
 * The levels of Germany's territorial hierarchy as the official directory (GV100AD) lists them, highest first. Each
 * level keeps the leading digits of the 12-digit ARS that name it and pads the rest with zeros; BW's planning regions
 * (record type 30) are no level: they are not part of the ARS.
 */
public enum RegionLevel {

    /** Land, record type 10: two digits. */
    STATE(2),
    /** Regierungsbezirk (or a former one the directory still lists), record type 20: three digits. */
    GOVERNMENT_REGION(3),
    /** Kreis or kreisfreie Stadt, record type 40: five digits. */
    DISTRICT(5),
    /** Gemeindeverband, record type 50: nine digits. */
    ASSOCIATION(9),
    /** Gemeinde, record type 60: all twelve digits. */
    MUNICIPALITY(12);

    private final int digits;

    RegionLevel(int digits) {
        this.digits = digits;
    }

    /** How many leading digits of the ARS name a region of this level; the others are zeros. */
    public int digits() {
        return digits;
    }

    /** Whether this level lies above {@code other} (a state above a district). */
    public boolean isAbove(RegionLevel other) {
        return ordinal() < other.ordinal();
    }
}
