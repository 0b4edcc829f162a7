package de.efa.registry.kernel.municipality;

import java.time.LocalDate;

/** A later directory changed a municipality's name, association, district or figures. */
public record MunicipalityChanged(Ags ags, Ars ars, String name, DistrictKey district, String districtName, String associationName, long population, long areaHa, String postalCode, LocalDate gebietsstand) {
}
