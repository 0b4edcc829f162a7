package de.efa.registry.query.region;

import de.efa.registry.kernel.municipality.Ars;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.region.RegionLevel;
import de.efa.registry.platform.web.ApiTags;
import de.efa.registry.platform.web.RegistryProblem;
import de.efa.registry.query.web.Page;
import de.efa.registry.query.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The regions at every level. One ARS can name a region at several levels (a city state, a kreisfreie Stadt): the
 * answer for an ARS is the highest of them that exists — in force before dissolved — and names the others;
 * {@code ?level=} picks one.
 */
@RestController
@Tag(name = ApiTags.REGIONS)
@RequestMapping(path = "/api/v1/regions", produces = MediaType.APPLICATION_JSON_VALUE)
class RegionQueryController {

    private final RegionDirectory directory;

    RegionQueryController(RegionDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/{ars}")
    @Operation(operationId = "getRegion", summary = "A region",
            description = "A state, government region, district, association or municipality by its 12-digit ARS: "
                    + "name, level, parent, population and number of municipalities. Where the ARS names regions at "
                    + "several levels, the highest is answered and otherLevels names the rest; level selects one.")
    RegionEntry region(@PathVariable Ars ars, @RequestParam(required = false) RegionLevel level) {
        List<Region> sharing = directory.current().withArs(ars.value());
        Region chosen = sharing.stream()
                .filter(r -> level == null || r.level() == level)
                .min(Comparator.comparing(Region::isDissolved).thenComparing(Region::level))
                .orElseThrow(() -> RegistryProblem.notFound("Region", level == null ? ars : level + " " + ars));
        List<RegionLevel> others = sharing.stream().map(Region::level).filter(l -> l != chosen.level()).toList();
        return RegionEntry.of(chosen, others);
    }

    @GetMapping
    @Operation(operationId = "listRegions", summary = "Find regions",
            description = "Regions in force, filtered by level, state or a text in the name (q, case-insensitive); "
                    + "ordered by ARS and from the highest level down; paged.")
    Page<RegionEntry> regions(@RequestParam(required = false) RegionLevel level,
                              @RequestParam(required = false) StateCode state,
                              @RequestParam(required = false) String q,
                              @RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer size) {
        PageRequest request = PageRequest.of(page, size);
        String needle = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.GERMAN);
        List<Region> matching = directory.current().all().stream()
                .filter(r -> !r.isDissolved())
                .filter(r -> level == null || r.level() == level)
                .filter(r -> state == null || state.value().equals(r.state()))
                .filter(r -> needle == null || r.name().toLowerCase(Locale.GERMAN).contains(needle))
                .toList();
        return request.cut(matching, RegionEntry::of);
    }
}
