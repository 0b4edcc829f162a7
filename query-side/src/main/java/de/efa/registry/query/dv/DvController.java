package de.efa.registry.query.dv;

import de.efa.registry.kernel.municipality.Ars;
import de.efa.registry.kernel.region.RegionKey;
import de.efa.registry.kernel.region.RegionLevel;
import de.efa.registry.platform.web.ApiTags;
import de.efa.registry.platform.web.RegistryProblem;
import de.efa.registry.query.region.Region;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The open data API of the Dashboard Digitale Verwaltung, answered from the register: which online services are
 * available in which region today, and how completely ({@code art_flaechendeckung}). Parameters are strings as the
 * published interface has them; the rows are ordered by ARS, then from the highest level down, then by LeiKa key.
 */
@RestController
@Tag(name = ApiTags.DASHBOARD_DATA)
@RequestMapping(path = "/dv/v1")
class DvController {

    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final DvData data;

    DvController(DvData data) {
        this.data = data;
    }

    @GetMapping(path = "/data", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "dvData", summary = "Online services in every region",
            description = "Every service available today in at least one municipality of a region, once per region "
                    + "(states, government regions, districts, associations, municipalities), with its coverage class; "
                    + "paged in the Spring Data page shape of the dashboard's interface.")
    DvPage<DvDataDto> all(@RequestParam(required = false) @Parameter(schema = @Schema(allowableValues = {"asc", "desc"})) String order,
                          @RequestParam(required = false) @Parameter(example = "0") String page,
                          @RequestParam(required = false) @Parameter(example = "100") String size) {
        DvParameters.Paging paging = DvParameters.paging(page, size, order);
        return DvPage.of(paging.ordered(data.today().all()), paging).map(DvDataDto::of);
    }

    @GetMapping(path = "/data/{ars}", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @Operation(operationId = "dvDataOfRegion", summary = "Online services in one region",
            description = "The rows of one region (the highest level its 12-digit ARS names), of the regions above it "
                    + "(includeAbove) and below it (includeBelow); JSON pages, or the page's rows as a CSV or XLSX file "
                    + "with filetype.",
            responses = @ApiResponse(responseCode = "200", description = "The page, or the file",
                    content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(ref = "#/components/schemas/DvPageDvDataDto")),
                            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                    schema = @Schema(type = "string", format = "binary"))}))
    ResponseEntity<?> ofRegion(@PathVariable @Parameter(example = "010510000000") String ars,
                               @RequestParam(required = false) @Parameter(schema = @Schema(allowableValues = {"csv", "xlsx"})) String filetype,
                               @RequestParam(required = false) @Parameter(schema = @Schema(allowableValues = {"asc", "desc"})) String order,
                               @RequestParam(required = false) @Parameter(example = "0") String page,
                               @RequestParam(required = false) @Parameter(example = "100") String size,
                               @RequestParam(required = false) @Parameter(schema = @Schema(allowableValues = {"true", "false"})) String includeAbove,
                               @RequestParam(required = false) @Parameter(schema = @Schema(allowableValues = {"true", "false"})) String includeBelow) {
        Ars key = Ars.of(ars);
        String file = DvParameters.filetype(filetype);
        DvParameters.Paging paging = DvParameters.paging(page, size, order);
        boolean above = DvParameters.flag("includeAbove", includeAbove);
        boolean below = DvParameters.flag("includeBelow", includeBelow);
        DvView view = data.today();
        Region region = view.regions.withArs(key.value()).stream().filter(r -> !r.isDissolved())
                .min(Comparator.comparing(Region::level))
                .orElseThrow(() -> RegistryProblem.notFound("Region", key));
        DvPage<DvDataDto> answer = DvPage.of(paging.ordered(view.of(selected(view, region, above, below))), paging)
                .map(DvDataDto::of);
        if (file == null) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
        }
        String name = "dv-" + key.value() + "-" + paging.page() + "." + file;
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDisposition(ContentDisposition.attachment().filename(name).build());
        if (file.equals("csv")) {
            return ResponseEntity.ok().headers(headers).contentType(CSV).body(DvFiles.csv(answer.content()));
        }
        return ResponseEntity.ok().headers(headers).contentType(XLSX).body(DvFiles.xlsx(answer.content()));
    }

    @GetMapping(path = "/ars", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "dvArs", summary = "Regions and their ARS",
            description = "Every region in force by its 12-digit ARS, with the name of the highest level that ARS names; "
                    + "paged in the Spring Data page shape of the dashboard's interface.")
    DvPage<ArsDto> ars(@RequestParam(required = false) @Parameter(schema = @Schema(allowableValues = {"asc", "desc"})) String order,
                  @RequestParam(required = false) @Parameter(example = "0") String page,
                  @RequestParam(required = false) @Parameter(example = "100") String size) {
        DvParameters.Paging paging = DvParameters.paging(page, size, order);
        Map<String, ArsDto> byArs = new LinkedHashMap<>();
        for (Region region : data.today().regions.all()) {
            if (!region.isDissolved()) {
                // all() lists each ARS from its highest level down: the first is the one named
                byArs.putIfAbsent(region.ars(), new ArsDto(region.ars(), region.name()));
            }
        }
        return DvPage.of(paging.ordered(new ArrayList<>(byArs.values())), paging);
    }

    /** The region, those above it (its parents up to the state) and those below it (every level down), by ARS and level. */
    private static List<Region> selected(DvView view, Region region, boolean above, boolean below) {
        List<Region> selected = new ArrayList<>();
        String ars = region.ars();
        if (above) {
            for (RegionLevel level : RegionLevel.values()) {
                if (level.isAbove(region.level())) {
                    Region parent = view.regions.get(level, RegionKey.of(level, ars).ars().value());
                    if (parent != null && !parent.isDissolved()) {
                        selected.add(parent);
                    }
                }
            }
        }
        selected.add(region);
        if (below) {
            String prefix = ars.substring(0, region.level().digits());
            for (Region other : view.regions.all()) {
                if (region.level().isAbove(other.level()) && other.ars().startsWith(prefix) && !other.isDissolved()) {
                    selected.add(other);
                }
            }
        }
        selected.sort(Comparator.comparing(Region::ars).thenComparing(Region::level));
        return selected;
    }
}
