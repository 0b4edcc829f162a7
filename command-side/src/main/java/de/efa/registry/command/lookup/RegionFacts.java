package de.efa.registry.command.lookup;

import de.efa.registry.kernel.municipality.Ars;
import de.efa.registry.kernel.region.RegionKey;

/** A region above the municipalities as the write side keeps it: enough to diff a directory. */
public record RegionFacts(RegionKey key, String name, Ars parent, long population, int municipalities,
                          boolean dissolved) {
}
