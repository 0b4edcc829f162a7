package de.efa.registry.query.service;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A municipality's adoption of one service, as {@code GET /services/{serviceId}/adoptions} lists it.
 *
 * @param name   null while the municipality is missing from the directory
 * @param since  the day the adoption took effect
 * @param endsOn the day it ends, null until it is terminated
 */
record AdoptingMunicipality(String adoptionId, String ags, @Schema(types = {"string", "null"}) String name,
                            String state, String version, String status, String since,
                            @Schema(types = {"string", "null"}) String endsOn) {
}
