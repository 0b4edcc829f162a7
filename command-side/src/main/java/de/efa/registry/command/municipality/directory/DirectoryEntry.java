package de.efa.registry.command.municipality.directory;

import de.efa.registry.command.lookup.MunicipalityFacts;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.Ars;
import de.efa.registry.kernel.municipality.DistrictKey;

import java.util.Objects;

/** One municipality as a GV100AD directory lists it, with the names of its district and association. */
record DirectoryEntry(Ags ags, Ars ars, String name, DistrictKey district, String districtName, String associationName,
                      long population, long areaHa, String postalCode) {

    /** The Gebietsstand alone is no change: a newer directory with the same data stores nothing. */
    boolean sameAs(MunicipalityFacts registered) {
        return !registered.dissolved()
                && ars.equals(registered.ars())
                && name.equals(registered.name())
                && district.equals(registered.district())
                && Objects.equals(districtName, registered.districtName())
                && Objects.equals(associationName, registered.associationName())
                && population == registered.population()
                && areaHa == registered.areaHa()
                && Objects.equals(postalCode, registered.postalCode());
    }
}
