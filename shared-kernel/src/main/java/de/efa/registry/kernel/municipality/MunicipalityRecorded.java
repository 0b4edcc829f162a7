package de.efa.registry.kernel.municipality;

import java.time.LocalDate;

/** A municipality entered the register from the official directory (GV100AD). */
public record MunicipalityRecorded(Ags ags, Ars ars, String name, DistrictKey district, String districtName, String associationName, long population, long areaHa, String postalCode, LocalDate gebietsstand) {
}
