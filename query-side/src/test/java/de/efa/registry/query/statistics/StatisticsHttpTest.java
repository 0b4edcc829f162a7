package de.efa.registry.query.statistics;

import de.efa.registry.kernel.service.ReuseModel;
import de.efa.registry.query.QuerySideTestBase;
import de.efa.registry.query.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Coverage, cross-border matrix, timeline and maturity, as JSON and CSV. */
@SuppressWarnings("unchecked")
class StatisticsHttpTest extends QuerySideTestBase {

    static Scenario scenario;
    /** The position after the scenario and two services of Lower Saxony at level 4 of two maturity models. */
    static long last;

    @BeforeEach
    void register() {
        if (scenario == null) {
            scenario = new Scenario(history);
            String kfz = history.service("99036003000000", "Kfz-Zulassung", "03", ReuseModel.STATE_ONLY);
            history.publish(kfz, "1.0.0", 4, "OZG-1.0", LocalDate.of(2023, 1, 1));
            String elster = history.service("99036004000000", "Gewerbeanmeldung", "03", ReuseModel.STATE_ONLY);
            last = history.publish(elster, "1.0.0", 4, "OZG-2.0", LocalDate.of(2023, 1, 1));
        }
    }

    @Test
    void coverageIsPopulationWeightedPerStateAndDistrict() {
        Map<String, Object> body = body("/api/v1/stats/coverage?serviceId=" + scenario.wohngeld, scenario.last);
        assertThat(body.get("source").toString()).contains("Destatis").contains("dl-de/by-2-0");
        List<Map<String, Object>> rows = (List<Map<String, Object>>) body.get("rows");
        // Altdorf is dissolved; Weimar ended its adoption
        assertThat(rows).containsExactly(
                row("09", "Bayern", 1, 1, 1_512_491, 1_512_491, 1.0),
                row("16", "Thüringen", 2, 1, 279_969, 214_969, Math.round(214_969 * 1_000_000.0 / 279_969) / 1_000_000.0));
        List<Map<String, Object>> districts = (List<Map<String, Object>>) body(
                "/api/v1/stats/coverage?state=16&groupBy=district", scenario.last).get("rows");
        assertThat(districts).extracting(r -> r.get("key")).containsExactly("16051", "16055");
        assertThat(districts).extracting(r -> r.get("adopted")).containsExactly(1, 0);
        var county = get("/api/v1/stats/coverage?groupBy=county", scenario.last);
        assertThat(county.getStatusCode().value()).isEqualTo(400);
        assertThat(county.getBody().toString()).contains("errors", "field=groupBy", "groupBy must be state or district");
        var year = get("/api/v1/stats/timeline?interval=year", scenario.last);
        assertThat(year.getStatusCode().value()).isEqualTo(400);
        assertThat(year.getBody().toString()).contains("errors", "field=interval");
    }

    @Test
    void crossBorderMaturityAndTimeline() {
        assertThat((List<Map<String, Object>>) body("/api/v1/stats/cross-border", scenario.last).get("rows")).containsExactly(
                Map.of("providingState", "09", "adoptingState", "16", "services", 1, "adoptions", 1,
                        "population", 214_969, "planned", 0, "populationPlanned", 0),
                Map.of("providingState", "16", "adoptingState", "09", "services", 1, "adoptions", 1,
                        "population", 1_512_491, "planned", 0, "populationPlanned", 0));
        // a 4 of one model and a 4 of another are two rows, never "two services at level 4"
        assertThat((List<Map<String, Object>>) body("/api/v1/stats/maturity", last).get("rows")).containsExactly(
                Map.of("providingState", "03", "level", 4, "services", 1, "maturityModel", "OZG-1.0", "planned", 0),
                Map.of("providingState", "03", "level", 4, "services", 1, "maturityModel", "OZG-2.0", "planned", 0),
                Map.of("providingState", "09", "level", 4, "services", 1, "maturityModel", "OZG-1.0", "planned", 0),
                Map.of("providingState", "16", "level", 2, "services", 1, "maturityModel", "OZG-1.0", "planned", 0));
        List<Map<String, Object>> months = (List<Map<String, Object>>) body(
                "/api/v1/stats/timeline?from=2023-02-01&to=2024-03-31&interval=month", scenario.last).get("rows");
        assertThat(months).hasSize(14);
        assertThat(months.get(0)).isEqualTo(Map.of("period", "2023-02", "started", 0, "ended", 0, "active", 0));
        assertThat(months.get(1)).isEqualTo(Map.of("period", "2023-03", "started", 2, "ended", 0, "active", 2));
        assertThat(months.get(2)).isEqualTo(Map.of("period", "2023-04", "started", 2, "ended", 0, "active", 4));
        assertThat(months.get(13)).isEqualTo(Map.of("period", "2024-03", "started", 0, "ended", 1, "active", 3));
        List<Map<String, Object>> days = (List<Map<String, Object>>) body(
                "/api/v1/stats/timeline?from=2023-03-14&to=2023-03-15&interval=day&state=09", scenario.last).get("rows");
        assertThat(days).containsExactly(Map.of("period", "2023-03-14", "started", 0, "ended", 0, "active", 0),
                Map.of("period", "2023-03-15", "started", 1, "ended", 0, "active", 1));
        List<Map<String, Object>> weeks = (List<Map<String, Object>>) body(
                "/api/v1/stats/timeline?from=2023-03-01&to=2023-03-07&interval=week", scenario.last).get("rows");
        assertThat(weeks).extracting(r -> r.get("period")).containsExactly("2023-W09", "2023-W10");
        // a week is counted whole, also when it reaches into the month after "to": W13 runs up to Sunday, 2 April
        List<Map<String, Object>> lastWeekOfMarch = (List<Map<String, Object>>) body(
                "/api/v1/stats/timeline?from=2023-03-27&to=2023-03-31&interval=week", scenario.last).get("rows");
        assertThat(lastWeekOfMarch).containsExactly(Map.of("period", "2023-W13", "started", 2, "ended", 0, "active", 4));
    }

    @Test
    void csvIsAPlainTableWithTheSourceInTheHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Accept", "text/csv");
        headers.set("Registry-Min-Position", Long.toString(scenario.last));
        ResponseEntity<String> csv = http.withBasicAuth("auditor", "demo").exchange("/api/v1/stats/coverage?groupBy=state",
                HttpMethod.GET, new HttpEntity<>(headers), String.class);

        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaders().getFirst("Source")).contains("Destatis");
        assertThat(csv.getBody()).startsWith("\uFEFFkey,name,municipalities,adopted,population,populationCovered,coverage,planned,"
                        + "populationPlanned,coveragePlanned\r\n")
                .contains("\r\n09,Bayern,1,1,1512491,1512491,1.0,0,0,0.0\r\n");
        ResponseEntity<String> services = http.withBasicAuth("admin", "demo").exchange("/api/v1/stats/maturity",
                HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(services.getBody()).isEqualTo("\uFEFFprovidingState,level,services,maturityModel,planned\r\n"
                + "03,4,1,OZG-1.0,0\r\n03,4,1,OZG-2.0,0\r\n09,4,1,OZG-1.0,0\r\n16,2,1,OZG-1.0,0\r\n");
        assertThat(new StatisticsTable<>(StatisticsTableTest.Share.class,
                java.util.List.of(new StatisticsTableTest.Share("Hundesteuer, \"online\"", 1))).csv())
                .isEqualTo("\uFEFFname,share\r\n\"Hundesteuer, \"\"online\"\"\",1.0\r\n");
    }

    @Test
    void onlyAnalystsAuditorsAndAdminsReadStatistics() {
        assertThat(get("thueringen", "/api/v1/stats/maturity", 0, String.class).getStatusCode().value()).isEqualTo(403);
    }

    private static Map<String, Object> row(String key, String name, int municipalities, int adopted, int population,
                                           int covered, double coverage) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("key", key);
        row.put("name", name);
        row.put("municipalities", municipalities);
        row.put("adopted", adopted);
        row.put("population", population);
        row.put("populationCovered", covered);
        row.put("coverage", coverage);
        row.put("planned", 0);
        row.put("populationPlanned", 0);
        row.put("coveragePlanned", 0.0);
        return row;
    }
}
