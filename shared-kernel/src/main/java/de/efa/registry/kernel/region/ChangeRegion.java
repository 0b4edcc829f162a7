package de.efa.registry.kernel.region;

import de.efa.registry.kernel.municipality.Ars;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Bring a region to what a later directory lists (also one it had dissolved).
 *
 * @param parent         the ARS of the region above (null for a state)
 * @param population     the sum of its municipalities' inhabitants in the directory
 * @param municipalities how many municipalities the directory lists in it
 */
public record ChangeRegion(RegionLevel level, Ars ars, String name, Ars parent, long population, int municipalities,
                           LocalDate gebietsstand) {

    @TargetAggregateIdentifier
    public RegionKey key() {
        return RegionKey.of(level, ars);
    }
}
