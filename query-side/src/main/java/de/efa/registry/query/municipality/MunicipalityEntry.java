package de.efa.registry.query.municipality;

import com.fasterxml.jackson.annotation.JsonInclude;
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
    record District(String key, @Schema(types = {"string", "null"}) String name) {
    }
}
