package de.efa.registry.query.region;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.efa.registry.kernel.region.RegionLevel;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * A region as {@code GET /regions} shows it.
 *
 * @param parent         the ARS of the region above; null for a state
 * @param state          the state's code (the ARS's first two digits)
 * @param population     the sum of its municipalities' inhabitants; a municipality's own
 * @param municipalities how many municipalities it holds (1 for a municipality)
 * @param otherLevels    only in the answer for one ARS: the other levels that the same ARS names (Hamburg's state,
 *                       district, association and municipality share {@code 020000000000})
 * @param dissolvedOn    the Gebietsstand that no longer lists it; left out while it exists
 */
@Schema(example = "{\"ars\":\"160720000000\",\"name\":\"Sonneberg\",\"level\":\"DISTRICT\",\"parent\":\"160000000000\","
        + "\"state\":\"16\",\"population\":56922,\"municipalities\":8}")
record RegionEntry(String ars, String name, RegionLevel level, @Schema(types = {"string", "null"}) String parent,
                   String state, long population, int municipalities,
                   @JsonInclude(JsonInclude.Include.NON_NULL) List<RegionLevel> otherLevels,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String dissolvedOn) {

    static RegionEntry of(Region r) {
        return new RegionEntry(r.ars(), r.name(), r.level(), r.parent(), r.state(), r.population(), r.municipalities(),
                null, r.dissolvedOn());
    }

    static RegionEntry of(Region r, List<RegionLevel> otherLevels) {
        return new RegionEntry(r.ars(), r.name(), r.level(), r.parent(), r.state(), r.population(), r.municipalities(),
                otherLevels, r.dissolvedOn());
    }
}
