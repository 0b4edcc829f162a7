package de.efa.registry.command.lookup;

import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.Ars;
import de.efa.registry.kernel.municipality.DistrictKey;

import java.time.LocalDate;

/** A municipality of the register as the write side keeps it: enough to diff a directory and to route commands. */
public record MunicipalityFacts(Ags ags, Ars ars, String name, DistrictKey district, String districtName,
                                String associationName, long population, long areaHa, String postalCode,
                                LocalDate gebietsstand, boolean dissolved) {
}
