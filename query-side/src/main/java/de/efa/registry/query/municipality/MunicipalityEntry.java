package de.efa.registry.query.municipality;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.query.register.Municipality;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A municipality's entry in the register, as {@code GET /municipalities} shows it.
 *
 * @param postalCode  null where the directory names none
 * @param dissolvedOn the Gebietsstand that no longer lists the municipality; left out while it exists
 */
record MunicipalityEntry(String ags, String ars, String name, String state, String stateName, District district,
                         long population, long areaHa, @Schema(types = {"string", "null"}) String postalCode,
                         String gebietsstand, @JsonInclude(JsonInclude.Include.NON_NULL) String dissolvedOn) {

    /** The district (Kreis) the municipality belongs to; its name is null where the directory names none. */
    static MunicipalityEntry of(Municipality m) {
        return new MunicipalityEntry(m.ags(), m.ars(), m.name(), m.state(), StateCode.of(m.state()).stateName(),
                new District(m.districtKey(), m.districtName()), m.population(), m.areaHa(), m.postalCode(),
                m.gebietsstand(), m.dissolvedOn());
    }

    record District(String key, @Schema(types = {"string", "null"}) String name) {
    }
}
