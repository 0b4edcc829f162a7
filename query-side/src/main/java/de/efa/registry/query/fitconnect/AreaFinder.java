package de.efa.registry.query.fitconnect;

import de.efa.registry.query.municipality.MunicipalityDirectory;
import de.efa.registry.query.region.Region;
import de.efa.registry.query.region.RegionDirectory;
import de.efa.registry.query.register.Municipality;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The areas a search finds among the regions of every level (in memory, {@link RegionDirectory}): by name, or by
 * postal code — a municipality by its own, a region above by those of its municipalities (the directory records one
 * postal code per municipality, that of its administration). One area per ARS: where levels share one (a city state,
 * a kreisfreie Stadt) the highest names it, as {@code /regions/{ars}} does; dissolved regions are not found.
 */
@Component
class AreaFinder {

    private static final Comparator<Region> BY_NAME = Comparator.comparing(Region::name).thenComparing(Region::ars);

    private final RegionDirectory regions;
    private final MunicipalityDirectory municipalities;

    AreaFinder(RegionDirectory regions, MunicipalityDirectory municipalities) {
        this.regions = regions;
        this.municipalities = municipalities;
    }

    List<Area> find(AreaSearch search) {
        Map<String, String> postalCodeByArs = new HashMap<>();
        for (Municipality municipality : municipalities.current().all()) {
            if (!municipality.isDissolved() && municipality.ars() != null && municipality.postalCode() != null) {
                postalCodeByArs.put(municipality.ars(), municipality.postalCode());
            }
        }
        Map<String, Region> highestPerArs = new LinkedHashMap<>();
        for (Region region : regions.current().all()) {
            if (!region.isDissolved()) {
                highestPerArs.merge(region.ars(), region, (kept, other) -> other.level().isAbove(kept.level()) ? other : kept);
            }
        }
        List<Region> found = new ArrayList<>();
        for (Region region : highestPerArs.values()) {
            if (search.matches(region.name(), postalCodes(region, postalCodeByArs))) {
                found.add(region);
            }
        }
        found.sort(BY_NAME);
        return found.stream().map(r -> new Area(r.ars(), r.name(), Area.type(r.level()))).toList();
    }

    /** A municipality's postal code, or those of the municipalities under a region (its ARS's leading digits). */
    private static List<String> postalCodes(Region region, Map<String, String> postalCodeByArs) {
        String own = postalCodeByArs.get(region.ars());
        if (own != null) {
            return List.of(own);
        }
        String prefix = region.ars().substring(0, region.level().digits());
        List<String> codes = new ArrayList<>();
        postalCodeByArs.forEach((ars, code) -> {
            if (ars.startsWith(prefix)) {
                codes.add(code);
            }
        });
        return codes;
    }
}
