package de.efa.registry.kernel.region;

import de.efa.registry.kernel.municipality.Ars;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A region the directory in force no longer lists. */
public record DissolveRegion(RegionLevel level, Ars ars, LocalDate gebietsstand) {

    @TargetAggregateIdentifier
    public RegionKey key() {
        return RegionKey.of(level, ars);
    }
}
