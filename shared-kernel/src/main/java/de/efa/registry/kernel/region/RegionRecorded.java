package de.efa.registry.kernel.region;

import de.efa.registry.kernel.municipality.Ars;

import java.time.LocalDate;

/**
 * A region (state, government region, district or association) entered the register from the official
 * directory (GV100AD). Municipalities keep their own events.
 *
 * @param parent         the ARS of the region above (null for a state)
 * @param population     the sum of its municipalities' inhabitants in the directory
 * @param municipalities how many municipalities the directory lists in it
 */
public record RegionRecorded(RegionLevel level, Ars ars, String name, Ars parent, long population, int municipalities,
                            LocalDate gebietsstand) {

    public RegionKey key() {
        return RegionKey.of(level, ars);
    }
}
