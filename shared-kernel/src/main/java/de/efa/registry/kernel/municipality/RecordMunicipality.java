package de.efa.registry.kernel.municipality;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a municipality from the directory (creates the aggregate). */
public record RecordMunicipality(@TargetAggregateIdentifier Ags ags, Ars ars, String name, DistrictKey district, String districtName, String associationName, long population, long areaHa, String postalCode, java.time.LocalDate gebietsstand) {
}
