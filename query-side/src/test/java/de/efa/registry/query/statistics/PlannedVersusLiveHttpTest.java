package de.efa.registry.query.statistics;

import de.efa.registry.kernel.service.ReuseModel;
import de.efa.registry.query.QuerySideTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage, the cross-border matrix, maturity and a service's adoption counts as of a day, by effective dates, against
 * a small register computed by hand. Wohngeld of Bavaria (09), version 1.0.0 at level 3 of OZG-1.0 released
 * 2023-01-01, version 2.0.0 at level 5 of OZG-2.0 released 2027-01-01; adopted by
 * <pre>
 *   Erfurt     16051000  200,000  from 2024-01-01, terminated for 2026-06-01; again from 2027-01-01
 *   Weimar     16055000   60,000  from 2026-03-01
 *   Am Ohmberg 16061001    5,000  from 2027-06-01
 *   München    09162000 1,500,000 from 2025-01-01 (its own state: no border crossed)
 * </pre>
 * Everything is recorded now; only the effective dates decide what counts on a day.
 */
@SuppressWarnings("unchecked")
class PlannedVersusLiveHttpTest extends QuerySideTestBase {

    private static String wohngeld;
    private static long last;

    @BeforeEach
    void register() {
        if (wohngeld != null) {
            return;
        }
        history.municipality("16051000", "Erfurt, Stadt", 200_000);
        history.municipality("16055000", "Weimar, Stadt", 60_000);
        history.municipality("16061001", "Am Ohmberg", 5_000);
        history.municipality("09162000", "München, Landeshauptstadt", 1_500_000);
        wohngeld = history.service("99123456789012", "Wohngeld", "09", ReuseModel.EFA);
        history.publish(wohngeld, "1.0.0", 3, "OZG-1.0", LocalDate.of(2023, 1, 1));
        history.publish(wohngeld, "2.0.0", 5, "OZG-2.0", LocalDate.of(2027, 1, 1));
        String erfurt = history.adopt("16051000", wohngeld, "1.0.0", "09", LocalDate.of(2024, 1, 1));
        history.end("16051000", erfurt, wohngeld, LocalDate.of(2026, 6, 1));
        history.adopt("16051000", wohngeld, "1.0.0", "09", LocalDate.of(2027, 1, 1));
        history.adopt("16055000", wohngeld, "1.0.0", "09", LocalDate.of(2026, 3, 1));
        history.adopt("16061001", wohngeld, "1.0.0", "09", LocalDate.of(2027, 6, 1));
        history.adopt("09162000", wohngeld, "1.0.0", "09", LocalDate.of(2025, 1, 1));
        last = history.lastPosition();
    }

    @Test
    void coverageCountsWhatServesOnTheDayAndPlansTheRest() {
        // 2025-06-01: Erfurt live; Weimar and Am Ohmberg planned
        assertThat(coverage("2025-06-01")).containsExactly(
                coverage("09", 1, 1, 1_500_000, 1_500_000, 0, 0),
                coverage("16", 3, 1, 265_000, 200_000, 2, 65_000));
        // 2026-05-31: Erfurt's termination is recorded, but it ends only tomorrow — still live
        assertThat(coverage("2026-05-31").get(1)).isEqualTo(coverage("16", 3, 2, 265_000, 260_000, 1, 5_000));
        // 2026-12-01: Erfurt ended, and planned again from 2027; Weimar live
        assertThat(coverage("2026-12-01").get(1)).isEqualTo(coverage("16", 3, 1, 265_000, 60_000, 2, 205_000));
        // 2027-07-01: all live
        assertThat(coverage("2027-07-01").get(1)).isEqualTo(coverage("16", 3, 3, 265_000, 265_000, 0, 0));
        // the same for the one service, per district
        List<Map<String, Object>> districts = (List<Map<String, Object>>) body("/api/v1/stats/coverage?serviceId="
                + wohngeld + "&state=16&groupBy=district&asOf=2026-12-01", last).get("rows");
        assertThat(districts).extracting(r -> r.get("key"), r -> r.get("adopted"), r -> r.get("planned"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("16051", 0, 1),
                        org.assertj.core.groups.Tuple.tuple("16055", 1, 0),
                        org.assertj.core.groups.Tuple.tuple("16061", 0, 1));
    }

    @Test
    void withoutAsOfTheFiguresAreTodays() {
        String today = LocalDate.now(ZoneId.of("Europe/Berlin")).toString();
        for (String statistic : List.of("coverage?groupBy=district", "cross-border", "maturity")) {
            assertThat(body("/api/v1/stats/" + statistic, last))
                    .isEqualTo(body("/api/v1/stats/" + statistic + (statistic.contains("?") ? "&" : "?") + "asOf=" + today, last));
        }
        assertThat(body("/api/v1/services/" + wohngeld, last))
                .isEqualTo(body("/api/v1/services/" + wohngeld + "?asOf=" + today, last));
    }

    @Test
    void theCrossBorderMatrixSplitsLiveAndPlannedAdoptions() {
        assertThat((List<Map<String, Object>>) body("/api/v1/stats/cross-border?asOf=2025-06-01", last).get("rows"))
                .containsExactly(Map.of("providingState", "09", "adoptingState", "16", "services", 1, "adoptions", 1,
                        "population", 200_000, "planned", 2, "populationPlanned", 65_000));
        // before anything took effect: a row of planned adoptions only
        assertThat((List<Map<String, Object>>) body("/api/v1/stats/cross-border?asOf=2023-06-01", last).get("rows"))
                .containsExactly(Map.of("providingState", "09", "adoptingState", "16", "services", 0, "adoptions", 0,
                        "population", 0, "planned", 3, "populationPlanned", 265_000));
        HttpHeaders csv = new HttpHeaders();
        csv.set("Accept", "text/csv");
        csv.set("Registry-Min-Position", Long.toString(last));
        assertThat(http.withBasicAuth("analyst", "demo").exchange("/api/v1/stats/cross-border?asOf=2026-12-01",
                HttpMethod.GET, new HttpEntity<>(csv), String.class).getBody()).isEqualTo(
                "\uFEFFprovidingState,adoptingState,services,adoptions,population,planned,populationPlanned\r\n"
                        + "09,16,1,1,60000,2,205000\r\n");
    }

    @Test
    void maturityCountsTheVersionInServiceAndPlansTheOneReleasedLater() {
        assertThat((List<Map<String, Object>>) body("/api/v1/stats/maturity?asOf=2026-12-31", last).get("rows"))
                .containsExactly(
                        Map.of("providingState", "09", "level", 3, "services", 1, "maturityModel", "OZG-1.0", "planned", 0),
                        Map.of("providingState", "09", "level", 5, "services", 0, "maturityModel", "OZG-2.0", "planned", 1));
        assertThat((List<Map<String, Object>>) body("/api/v1/stats/maturity?asOf=2027-01-01", last).get("rows"))
                .containsExactly(
                        Map.of("providingState", "09", "level", 5, "services", 1, "maturityModel", "OZG-2.0", "planned", 0));
        // before the first release: nothing in service, the latest version planned
        assertThat((List<Map<String, Object>>) body("/api/v1/stats/maturity?asOf=2022-12-31", last).get("rows"))
                .containsExactly(
                        Map.of("providingState", "09", "level", 5, "services", 0, "maturityModel", "OZG-2.0", "planned", 1));
    }

    @Test
    void theServicesAdoptionCountsAreAsOfTheDay() {
        Map<String, Object> onTheDay = (Map<String, Object>) body("/api/v1/services/" + wohngeld + "?asOf=2025-06-01",
                last).get("adoptions");
        assertThat(onTheDay).isEqualTo(Map.of("total", 2, "byState", Map.of("09", 1, "16", 1), "population", 1_700_000,
                "planned", 2, "plannedByState", Map.of("16", 2), "populationPlanned", 65_000));
        Map<String, Object> later = (Map<String, Object>) body("/api/v1/services/" + wohngeld + "?asOf=2026-12-01",
                last).get("adoptions");
        assertThat(later).containsEntry("total", 2).containsEntry("byState", Map.of("09", 1, "16", 1))
                .containsEntry("planned", 2).containsEntry("populationPlanned", 205_000);
        assertThat(get("/api/v1/services/" + wohngeld + "?asOf=2025-13-01", last).getStatusCode().value()).isEqualTo(400);
        assertThat(get("/api/v1/stats/coverage?asOf=yesterday", last).getStatusCode().value()).isEqualTo(400);
    }

    private List<Map<String, Object>> coverage(String asOf) {
        return (List<Map<String, Object>>) body("/api/v1/stats/coverage?asOf=" + asOf, last).get("rows");
    }

    private static Map<String, Object> coverage(String key, int municipalities, int adopted, int population, int covered,
                                                int planned, int populationPlanned) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("key", key);
        row.put("name", key.equals("09") ? "Bayern" : "Thüringen");
        row.put("municipalities", municipalities);
        row.put("adopted", adopted);
        row.put("population", population);
        row.put("populationCovered", covered);
        row.put("coverage", Math.round(covered * 1_000_000.0 / population) / 1_000_000.0);
        row.put("planned", planned);
        row.put("populationPlanned", populationPlanned);
        row.put("coveragePlanned", Math.round(populationPlanned * 1_000_000.0 / population) / 1_000_000.0);
        return row;
    }
}
