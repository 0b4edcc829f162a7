package de.efa.registry.kernel.region;

import de.efa.registry.kernel.municipality.Ars;

import java.time.LocalDate;

/** A region is no longer in the directory in force (merged, split or renumbered). */
public record RegionDissolved(RegionLevel level, Ars ars, LocalDate gebietsstand) {

    public RegionKey key() {
        return RegionKey.of(level, ars);
    }
}
