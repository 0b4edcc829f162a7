package de.efa.registry.query.lookup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import de.efa.registry.query.register.Adoption;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * The answer of {@code GET /lookup/{ags}}, typed: Jackson writes a record through a serializer built once, where maps
 * of rows cost a map per row and a type check per value.
 */
@JsonPropertyOrder({"ags", "name", "state", "asOf", "services"})
record LookupAnswer(String ags, String name, String state, String asOf, List<Row> services) {

    /**
     * One service serving the municipality on the day; {@code adoptionId} and {@code validTo} are additions to v1.
     *
     * @param maturityLevel null for a version the service catalogue does not know
     * @param validTo       the day the service stops serving, null while open
     */
    @JsonPropertyOrder({"serviceId", "leikaKey", "name", "providingState", "version", "maturityLevel", "since",
            "crossBorder", "adoptionId", "validTo", "maturityModel", "legalBasis", "authority"})
    @Schema(name = "LookupService")
    record Row(String serviceId, String leikaKey, String name, String providingState, String version,
               @Schema(types = {"integer", "null"}) Integer maturityLevel, String since, boolean crossBorder,
               String adoptionId, @Schema(types = {"string", "null"}) String validTo,
               @Schema(types = {"string", "null"}, description = "The model of maturityLevel: OZG-1.0 or OZG-2.0")
               String maturityModel,
               @JsonInclude(JsonInclude.Include.NON_NULL)
               @Schema(description = "What a cross-border adoption rests on (a cooperation or a reuse agreement); "
                       + "left out within one state") Adoption.LegalBasis legalBasis,
               @Schema(types = {"object", "null"}, description = "The authority handling its applications on the day; "
                       + "null while none is named")
               Authority authority) {
    }

    /** An authority responsible on the day: its id and its name as recorded now (null if it is not recorded). */
    @Schema(name = "LookupAuthority")
    record Authority(String authorityId, @Schema(types = {"string", "null"}) String name) {
    }
}
