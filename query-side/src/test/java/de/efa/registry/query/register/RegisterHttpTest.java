package de.efa.registry.query.register;

import de.efa.registry.query.QuerySideTestBase;
import de.efa.registry.query.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Services, adoptions, municipalities and cooperations as the API lists them. */
@SuppressWarnings("unchecked")
class RegisterHttpTest extends QuerySideTestBase {

    static Scenario scenario;

    @BeforeEach
    void register() {
        if (scenario == null) {
            scenario = new Scenario(history);
        }
    }

    @Test
    void aServiceShowsItsVersionsAndCurrentAdoptions() {
        Map<String, Object> service = body("/api/v1/services/" + scenario.wohngeld, scenario.last);

        assertThat(service).containsEntry("leikaKey", "99123456789012").containsEntry("providingState", "09")
                .containsEntry("reuse", "EFA").containsEntry("topic", "Familie");
        List<Map<String, Object>> versions = (List<Map<String, Object>>) service.get("versions");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0)).containsEntry("version", "1.0.0").containsEntry("status", "RETIRED")
                .containsEntry("sunsetOn", "2024-06-30").containsEntry("retiredOn", "2024-07-01")
                .containsEntry("successor", "2.0.0").containsEntry("adoptions", 0).containsEntry("maturityLevel", 3);
        assertThat(versions.get(1)).containsEntry("version", "2.0.0").containsEntry("status", "ACTIVE")
                .containsEntry("adoptions", 2).containsEntry("releasedOn", "2024-01-01");
        assertThat(service.get("adoptions")).isEqualTo(Map.of("total", 2, "byState", Map.of("16", 1, "09", 1),
                "population", 214_969 + 1_512_491, "planned", 0, "plannedByState", Map.of(), "populationPlanned", 0));
    }

    @Test
    void servicesAreFilteredAndPaged() {
        assertThat(body("/api/v1/services", scenario.last)).containsEntry("total", 2).containsEntry("page", 0).containsEntry("size", 50);
        assertThat(names(body("/api/v1/services?providingState=16", scenario.last))).containsExactly("Hundesteuer, online");
        assertThat(names(body("/api/v1/services?leikaKey=99123456789012", scenario.last))).containsExactly("Wohngeld");
        assertThat(names(body("/api/v1/services?status=RETIRED", scenario.last))).containsExactly("Wohngeld");
        assertThat(names(body("/api/v1/services?q=hunde&topic=familie", scenario.last))).containsExactly("Hundesteuer, online");
        Map<String, Object> second = body("/api/v1/services?page=1&size=1", scenario.last);
        assertThat(second).containsEntry("total", 2);
        assertThat((List<?>) second.get("items")).hasSize(1);
        assertThat(get("/api/v1/services?size=501", scenario.last).getStatusCode().value()).isEqualTo(400);
        assertThat(get("/api/v1/services?status=GONE", scenario.last).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void aServicesAdoptionsAndOneAdoption() {
        Map<String, Object> all = body("/api/v1/services/" + scenario.wohngeld + "/adoptions", scenario.last);
        assertThat(all).containsEntry("total", 3);
        List<Map<String, Object>> items = (List<Map<String, Object>>) all.get("items");
        assertThat(items).extracting(i -> i.get("ags")).containsExactly("09162000", "16051000", "16055000");
        assertThat(items.get(1)).containsEntry("adoptionId", scenario.erfurtWohngeld).containsEntry("name", "Erfurt, Stadt")
                .containsEntry("state", "16").containsEntry("version", "2.0.0").containsEntry("status", "ACTIVE")
                .containsEntry("since", "2023-03-01");
        assertThat((List<Map<String, Object>>) body("/api/v1/services/" + scenario.wohngeld + "/adoptions?state=16&status=ENDED",
                scenario.last).get("items")).extracting(i -> i.get("ags")).containsExactly("16055000");

        Map<String, Object> adoption = body("/api/v1/adoptions/" + scenario.muenchenWohngeld, scenario.last);
        assertThat(adoption).containsEntry("serviceId", scenario.wohngeld).containsEntry("ags", "09162000")
                .containsEntry("version", "2.0.0").containsEntry("status", "ACTIVE")
                .containsEntry("effectiveFrom", "2023-03-15").containsEntry("endsOn", null);
        assertThat(get("/api/v1/adoptions/00000000-0000-0000-0000-000000000000", scenario.last).getStatusCode().value()).isEqualTo(404);
        assertThat(get("/api/v1/adoptions/nope", scenario.last).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void municipalitiesInForceAreListedAndFound() {
        Map<String, Object> erfurt = body("/api/v1/municipalities/16051000", scenario.last);
        assertThat(erfurt).containsEntry("name", "Erfurt, Stadt").containsEntry("state", "16")
                .containsEntry("stateName", "Thüringen").containsEntry("population", 214_969)
                .containsEntry("ars", "160510000000").containsEntry("gebietsstand", "2023-11-30")
                .containsEntry("district", Map.of("key", "16051", "name", "Kreis 16051"));
        assertThat(body("/api/v1/municipalities", scenario.last)).containsEntry("total", 3);
        assertThat((List<Map<String, Object>>) body("/api/v1/municipalities?state=16&q=weim", scenario.last).get("items"))
                .extracting(m -> m.get("ags")).containsExactly("16055000");
        assertThat(body("/api/v1/municipalities?district=09162", scenario.last)).containsEntry("total", 1);
        assertThat(get("/api/v1/municipalities/16051999", scenario.last).getStatusCode().value()).isEqualTo(404);
        assertThat(get("/api/v1/municipalities?state=17", scenario.last).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void cooperationsWithTheirMembers() {
        Map<String, Object> cooperation = body("/api/v1/cooperations/" + scenario.cooperation, scenario.last);
        assertThat(cooperation).containsEntry("name", "EfA-Verbund Mitte");
        assertThat((List<Map<String, Object>>) cooperation.get("members")).containsExactly(
                member("16", "2022-01-01", null), member("09", "2022-01-01", null), member("03", "2022-06-01", "2023-06-01"));
        assertThat(body("/api/v1/cooperations", scenario.last)).containsEntry("total", 1);
    }

    private static Map<String, Object> member(String state, String joinedOn, String leftOn) {
        Map<String, Object> member = new java.util.LinkedHashMap<>();
        member.put("state", state);
        member.put("joinedOn", joinedOn);
        member.put("leftOn", leftOn);
        return member;
    }

    private static List<Object> names(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(i -> i.get("name")).toList();
    }

    /** The split deployment runs behind a TLS gateway that says so in X-Forwarded-Proto (docker/gateway.conf). */
    @Test
    @SuppressWarnings("unchecked")
    void behindTheGatewayTheApiDocumentNamesTheSchemeAndHostTheClientUsed() {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.set("X-Forwarded-Proto", "https");
        headers.set("X-Forwarded-Host", "registry.example");
        Map<String, Object> document = http.exchange("/v3/api-docs", org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(headers), Map.class).getBody();
        List<Map<String, Object>> servers = (List<Map<String, Object>>) document.get("servers");
        assertThat(servers).extracting(server -> server.get("url")).containsExactly("https://registry.example");
    }
}
