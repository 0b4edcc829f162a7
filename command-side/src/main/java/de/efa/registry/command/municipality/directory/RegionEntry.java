package de.efa.registry.command.municipality.directory;

import de.efa.registry.command.lookup.RegionFacts;
import de.efa.registry.kernel.municipality.Ars;
import de.efa.registry.kernel.region.RegionKey;

import java.util.Objects;

/**
 * One region above the municipalities as a GV100AD directory lists it, with the figures of its municipalities.
 *
 * @param parent the ARS of the next level up that the directory lists; null for a state
 */
record RegionEntry(RegionKey key, String name, Ars parent, long population, int municipalities) {

    /** The Gebietsstand alone is no change, as for municipalities. */
    boolean sameAs(RegionFacts registered) {
        return !registered.dissolved()
                && name.equals(registered.name())
                && Objects.equals(parent, registered.parent())
                && population == registered.population()
                && municipalities == registered.municipalities();
    }
}
