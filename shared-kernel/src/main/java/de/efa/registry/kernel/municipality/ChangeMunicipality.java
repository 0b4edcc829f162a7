package de.efa.registry.kernel.municipality;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Apply a later directory's data to a recorded municipality. */
public record ChangeMunicipality(@TargetAggregateIdentifier Ags ags, Ars ars, String name, DistrictKey district, String districtName, String associationName, long population, long areaHa, String postalCode, java.time.LocalDate gebietsstand) {
}
