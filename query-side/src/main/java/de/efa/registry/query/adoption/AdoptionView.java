package de.efa.registry.query.adoption;

import de.efa.registry.query.register.Adoption;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * One adoption as {@code GET /adoptions/{adoptionId}} shows it.
 *
 * @param endsOn       the day it ends, null until it is terminated
 * @param crossBorder  whether the municipality lies outside the providing state
 * @param versionSince the day the adoption's current version took effect (its start, or the last version switch)
 * @param authority    the authority handling its applications today, null while none is named
 * @param authorities  every authority named for it, each from its day on
 */
record AdoptionView(String adoptionId, String serviceId, String ags, String version, String status,
                    String effectiveFrom, @Schema(types = {"string", "null"}) String endsOn, boolean crossBorder,
                    String providingState, String versionSince,
                    @Schema(types = {"object", "null"}, description = "What a cross-border adoption rests on: "
                            + "{\"kind\":\"COOPERATION\"|\"AGREEMENT\",\"id\"}; null within one state and for "
                            + "adoptions recorded before legal bases were") Adoption.LegalBasis legalBasis,
                    @Schema(types = {"object", "null"}) ResponsibleAuthority authority,
                    List<Assignment> authorities) {

    /** The authority responsible on a day, with its name as recorded now. */
    record ResponsibleAuthority(String authorityId, @Schema(types = {"string", "null"}) String name,
                                String effectiveFrom) {
    }

    /** An authority named from {@code effectiveFrom} on. */
    @Schema(name = "AdoptionAuthorityAssignment")
    record Assignment(String authorityId, String effectiveFrom) {
    }
}
