package de.efa.registry.query.statistics;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import de.efa.registry.platform.web.ApiTags;
import de.efa.registry.kernel.common.InvalidValueException;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.ServiceId;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * Statistics as JSON or, with {@code Accept: text/csv}, as CSV. JSON carries the Destatis attribution in a
 * {@code source} field; CSV carries it in a {@code Source} and a license {@code Link} header, so the table stays pure.
 */
@RestController
@Tag(name = ApiTags.STATISTICS)
@RequestMapping("/api/v1/stats")
class StatisticsController {

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    private static final Set<String> GROUPINGS = Set.of("state", "district");
    private static final Set<String> INTERVALS = Set.of("month", "week", "day");

    private static final ZoneId GERMANY = ZoneId.of("Europe/Berlin");
    private static final String AS_OF = "the day counted, by effective dates (default: today in Germany)";

    private final StatisticsQueries queries;
    private final ReuseFunnel reuseFunnel;

    StatisticsController(StatisticsQueries queries, ReuseFunnel reuseFunnel) {
        this.queries = queries;
        this.reuseFunnel = reuseFunnel;
    }

    @GetMapping(path = "/reuse", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getReuseFunnel", summary = "The reuse funnel per EFA service",
            description = "Per EFA service (one, or those of one providing state): the states an offer reaches, the "
                    + "states interested, the agreements countersigned and not ended, and the municipalities of other "
                    + "states using it on asOf (default today; live from effectiveFrom until endsOn) or planned from "
                    + "a later day. CSV with Accept: text/csv.")
    StatisticsAnswer<ReuseFunnelRow> reuse(@RequestParam(required = false) ServiceId serviceId,
                                           @RequestParam(required = false) StateCode providingState,
                                           @RequestParam(required = false)
                                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return reuseFunnel.rows(serviceId, providingState, day(asOf)).json();
    }

    @GetMapping(path = "/reuse", produces = "text/csv")
    @Operation(operationId = "getReuseFunnel", summary = "The reuse funnel per EFA service",
            description = "Per EFA service (one, or those of one providing state): the states an offer reaches, the "
                    + "states interested, the agreements countersigned and not ended, and the municipalities of other "
                    + "states using it on asOf (default today; live from effectiveFrom until endsOn) or planned from "
                    + "a later day. CSV with Accept: text/csv.")
    ResponseEntity<String> reuseCsv(@RequestParam(required = false) ServiceId serviceId,
                                    @RequestParam(required = false) StateCode providingState,
                                    @RequestParam(required = false)
                                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return csv(reuseFunnel.rows(serviceId, providingState, day(asOf)), "reuse");
    }

    private static LocalDate day(LocalDate asOf) {
        return asOf == null ? LocalDate.now(GERMANY) : asOf;
    }

    @GetMapping(path = "/coverage", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getCoverage", summary = "Coverage per state or district",
            description = "How many municipalities, and how much of the population, an adoption serves per state or "
                    + "district (groupBy) on asOf (default today; live from effectiveFrom until endsOn), and how many "
                    + "it will serve from a later day (planned, populationPlanned); for one service (serviceId) or for "
                    + "all; coverage is population-weighted, 0 to 1. CSV with Accept: text/csv.")
    StatisticsAnswer<CoverageRow> coverage(@RequestParam(required = false) ServiceId serviceId,
                                           @RequestParam(required = false) StateCode state,
                                           @Parameter(schema = @Schema(allowableValues = {"state", "district"}))
                                           @RequestParam(defaultValue = "state") String groupBy,
                                           @RequestParam(required = false)
                                           @Parameter(description = AS_OF) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return queries.coverage(serviceId, state, grouping(groupBy), day(asOf)).json();
    }

    @GetMapping(path = "/coverage", produces = "text/csv")
    @Operation(operationId = "getCoverage", summary = "Coverage per state or district",
            description = "How many municipalities, and how much of the population, an adoption serves per state or "
                    + "district (groupBy) on asOf (default today; live from effectiveFrom until endsOn), and how many "
                    + "it will serve from a later day (planned, populationPlanned); for one service (serviceId) or for "
                    + "all; coverage is population-weighted, 0 to 1. CSV with Accept: text/csv.")
    ResponseEntity<String> coverageCsv(@RequestParam(required = false) ServiceId serviceId,
                                       @RequestParam(required = false) StateCode state,
                                       @Parameter(schema = @Schema(allowableValues = {"state", "district"}))
                                       @RequestParam(defaultValue = "state") String groupBy,
                                       @RequestParam(required = false)
                                       @Parameter(description = AS_OF) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return csv(queries.coverage(serviceId, state, grouping(groupBy), day(asOf)), "coverage");
    }

    @GetMapping(path = "/cross-border", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getCrossBorderMatrix", summary = "The cross-border matrix",
            description = "Per providing state and adopting state: how many services and adoptions cross the border "
                    + "between them on asOf (default today), with the population served, and how many adoptions take "
                    + "effect later (planned, populationPlanned). CSV with Accept: text/csv.")
    StatisticsAnswer<CrossBorderRow> crossBorder(@RequestParam(required = false)
                                           @Parameter(description = AS_OF) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return queries.crossBorder(day(asOf)).json();
    }

    @GetMapping(path = "/cross-border", produces = "text/csv")
    @Operation(operationId = "getCrossBorderMatrix", summary = "The cross-border matrix",
            description = "Per providing state and adopting state: how many services and adoptions cross the border "
                    + "between them on asOf (default today), with the population served, and how many adoptions take "
                    + "effect later (planned, populationPlanned). CSV with Accept: text/csv.")
    ResponseEntity<String> crossBorderCsv(@RequestParam(required = false)
                                           @Parameter(description = AS_OF) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return csv(queries.crossBorder(day(asOf)), "cross-border");
    }

    @GetMapping(path = "/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getTimeline", summary = "Adoptions started, ended and active over time",
            description = "Per month, week or day between from and to: the adoptions that started, that ended, and that "
                    + "were active at the period's end; optionally for one state. CSV with Accept: text/csv.")
    StatisticsAnswer<TimelineRow> timeline(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(schema = @Schema(allowableValues = {"month", "week", "day"}))
            @RequestParam(defaultValue = "month") String interval,
            @RequestParam(required = false) StateCode state) {
        return timelineTable(from, to, interval, state).json();
    }

    @GetMapping(path = "/timeline", produces = "text/csv")
    @Operation(operationId = "getTimeline", summary = "Adoptions started, ended and active over time",
            description = "Per month, week or day between from and to: the adoptions that started, that ended, and that "
                    + "were active at the period's end; optionally for one state. CSV with Accept: text/csv.")
    ResponseEntity<String> timelineCsv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                       @Parameter(schema = @Schema(allowableValues = {"month", "week", "day"}))
                                       @RequestParam(defaultValue = "month") String interval,
                                       @RequestParam(required = false) StateCode state) {
        return csv(timelineTable(from, to, interval, state), "timeline");
    }

    @GetMapping(path = "/maturity", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getMaturity", summary = "Services per providing state and maturity level",
            description = "How many services each state provides at each maturity level (per model) of their latest "
                    + "version in service on asOf (default today: released, not retired), and at the level of a version "
                    + "released later (planned). CSV with Accept: text/csv.")
    StatisticsAnswer<MaturityRow> maturity(@RequestParam(required = false)
                                           @Parameter(description = AS_OF) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return queries.maturity(day(asOf)).json();
    }

    @GetMapping(path = "/maturity", produces = "text/csv")
    @Operation(operationId = "getMaturity", summary = "Services per providing state and maturity level",
            description = "How many services each state provides at each maturity level (per model) of their latest "
                    + "version in service on asOf (default today: released, not retired), and at the level of a version "
                    + "released later (planned). CSV with Accept: text/csv.")
    ResponseEntity<String> maturityCsv(@RequestParam(required = false)
                                           @Parameter(description = AS_OF) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return csv(queries.maturity(day(asOf)), "maturity");
    }

    private StatisticsTable<TimelineRow> timelineTable(LocalDate from, LocalDate to, String interval, StateCode state) {
        if (!INTERVALS.contains(interval)) {
            throw new InvalidValueException("interval", "interval must be month, week or day");
        }
        LocalDate end = to == null ? LocalDate.now(ZoneId.of("Europe/Berlin")) : to;
        LocalDate start = from == null ? end.minusYears(1).plusDays(1) : from;
        return queries.timeline(start, end, interval, state);
    }

    private static String grouping(String groupBy) {
        if (!GROUPINGS.contains(groupBy)) {
            throw new InvalidValueException("groupBy", "groupBy must be state or district");
        }
        return groupBy;
    }

    private static ResponseEntity<String> csv(StatisticsTable<?> table, String name) {
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + ".csv\"")
                .header("Source", StatisticsTable.SOURCE_HEADER)
                .header(HttpHeaders.LINK, StatisticsTable.LICENSE_LINK)
                .body(table.csv());
    }
}
