package de.efa.registry.query.fitconnect;

import de.efa.registry.kernel.region.RegionLevel;
import io.swagger.v3.oas.annotations.media.Schema;

/** A region as the Routing API names it: its ARS (the id routes take as areaId), its name and its kind. */
@Schema(name = "FitConnectArea")
record Area(@Schema(pattern = "^\\d{1,}", example = "150030000000") String id,
            @Schema(example = "Magdeburg, Landeshauptstadt") String name,
            @Schema(example = "Kreis") String type) {

    /** The kind of region in the directory's own words. */
    static String type(RegionLevel level) {
        return switch (level) {
            case STATE -> "Land";
            case GOVERNMENT_REGION -> "Regierungsbezirk";
            case DISTRICT -> "Kreis";
            case ASSOCIATION -> "Gemeindeverband";
            case MUNICIPALITY -> "Gemeinde";
        };
    }
}
