package de.efa.registry.query.fitconnect;

import de.efa.registry.platform.web.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.Explode;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The FIT-Connect Routing API 2.0.0 over the register: routes for a LeiKa key in an area, the areas, the version.
 * Every refusal is a problem answer (RFC 7807/9457: type, title, status, detail) with status 400, the one the API
 * documents for requests it does not answer.
 */
@RestController
@Tag(name = ApiTags.FIT_CONNECT)
@RequestMapping(path = "/fit-connect/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class FitConnectController {

    /** "Today" for a German register is the day in Germany. */
    private static final ZoneId GERMANY = ZoneId.of("Europe/Berlin");

    private final RouteFinder routes;
    private final AreaFinder areas;
    private final Clock clock = Clock.system(GERMANY);

    FitConnectController(RouteFinder routes, AreaFinder areas) {
        this.routes = routes;
        this.areas = areas;
    }

    @GetMapping("/routes")
    @Operation(operationId = "fitConnectRoutes", summary = "FIT-Connect routes for a LeiKa key in an area",
            description = "The authorities that receive applications for a service of the federal LeiKa catalogue "
                    + "(leikaKey: 99 and twelve digits) in an area named by exactly one of ags (2, 3, 5 or 8 digits), "
                    + "ars (2, 3, 5, 9 or 12 digits) or areaId (from /areas): one route per authority responsible "
                    + "today through an active adoption in force today in a municipality of the area, with its "
                    + "FIT-Connect destination and signature, names, address and contact. offset (0 or more) and "
                    + "limit (1 to 500, default 100) page them. An authority without destination and signature "
                    + "yields no route; when no route is found, a 400 problem says why.")
    RouteResult routes(@Parameter(description = "LeiKa key of the federal catalogue", example = "99108001000000",
                               required = true, schema = @Schema(pattern = "^99\\d{12}$"))
                       // bound as optional: its absence is refused below with the API's own words, like a bad form
                       @RequestParam(required = false) String leikaKey,
                       @Parameter(schema = @Schema(pattern = "^(\\d{2}|\\d{3}|\\d{5}|\\d{8})$"))
                       @RequestParam(required = false) String ags,
                       @Parameter(schema = @Schema(pattern = "^(\\d{2}|\\d{3}|\\d{5}|\\d{9}|\\d{12})$"))
                       @RequestParam(required = false) String ars,
                       @Parameter(description = "An area's id as /areas answers it",
                               schema = @Schema(pattern = "^\\d{1,}")) @RequestParam(required = false) String areaId,
                       @Parameter(schema = @Schema(type = "integer", minimum = "0")) @RequestParam(required = false) String offset,
                       @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "500"))
                       @RequestParam(required = false) String limit) {
        String key = RoutingParameters.leikaKey(leikaKey);
        AreaKey area = RoutingParameters.area(ags, ars, areaId);
        int from = RoutingParameters.offset(offset);
        int size = RoutingParameters.limit(limit);
        return RouteResult.page(routes.routes(key, area, LocalDate.now(clock).toString()), from, size);
    }

    @GetMapping("/areas")
    @Operation(operationId = "fitConnectAreas", summary = "Areas by name or postal code",
            description = "The regions of every level (states, government regions, districts, municipal associations, "
                    + "municipalities) whose name or postal code matches every term of areaSearchexpression (1 to 10 "
                    + "terms, repeated; at most 100 characters each). A term matches a whole word of the name, or "
                    + "the whole postal code if it is digits; * stands for any characters (Mag* finds Magdeburg), a "
                    + "term needs two characters besides its wildcards. id is the region's ARS, to be given to "
                    + "/routes as areaId. offset and limit page them as in /routes.",
            // read raw from the request (Spring would split one value at its commas, and a name may hold one)
            parameters = @Parameter(name = "areaSearchexpression", in = ParameterIn.QUERY, required = true,
                    explode = Explode.TRUE, description = "Search terms, repeated: areaSearchexpression=Mag*&…",
                    array = @ArraySchema(minItems = 1, maxItems = 10,
                            schema = @Schema(pattern = "^(\\*?([^\\*]{2,})\\*?)*$", maxLength = 100))))
    AreaResult areas(@Parameter(schema = @Schema(type = "integer", minimum = "0")) @RequestParam(required = false) String offset,
                     @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "500"))
                     @RequestParam(required = false) String limit,
                     @Parameter(hidden = true) HttpServletRequest request) {
        AreaSearch search = AreaSearch.of(request.getParameterValues("areaSearchexpression"));
        int from = RoutingParameters.offset(offset);
        int size = RoutingParameters.limit(limit);
        return AreaResult.page(areas.find(search), from, size);
    }

    @GetMapping("/info")
    @Operation(operationId = "fitConnectInfo", summary = "The Routing API version answered",
            description = "The version of the FIT-Connect Routing API whose contract /fit-connect/v1 keeps: 2.0.0.")
    Info info() {
        return Info.ROUTING_API;
    }
}
