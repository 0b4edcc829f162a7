package de.efa.registry.query.adoption;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One adoption as {@code GET /adoptions/{adoptionId}} shows it.
 *
 * @param endsOn       the day it ends, null until it is terminated
 * @param crossBorder  whether the municipality lies outside the providing state
 * @param versionSince the day the adoption's current version took effect (its start, or the last version switch)
 */
record AdoptionView(String adoptionId, String serviceId, String ags, String version, String status,
                    String effectiveFrom, @Schema(types = {"string", "null"}) String endsOn, boolean crossBorder,
                    String providingState, String versionSince) {
}
