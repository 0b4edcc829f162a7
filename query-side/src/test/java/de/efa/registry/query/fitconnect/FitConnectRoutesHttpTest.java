package de.efa.registry.query.fitconnect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.efa.registry.kernel.service.ReuseModel;
import de.efa.registry.query.QuerySideTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static de.efa.registry.query.fitconnect.FitConnectSchemas.assertConforms;
import static de.efa.registry.query.fitconnect.FitConnectSchemas.tree;
import static de.efa.registry.query.fitconnect.FitConnectSchemas.violations;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /fit-connect/v1/routes} and {@code /info} over HTTP: every answer — found, paged, empty, each refusal — is
 * checked against the project's statement of the Routing API's schemas, and the routes follow the register.
 */
class FitConnectRoutesHttpTest extends QuerySideTestBase {

    private static final String WOHNGELD_KEY = "99108001000000";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));
    private static final LocalDate SINCE = LocalDate.of(2023, 1, 1);

    /** One scenario for the whole class (the context, and so the store, is shared by its tests). */
    private static Map<String, String> ids;

    @BeforeEach
    void scenario() {
        if (ids != null) {
            return;
        }
        ids = new LinkedHashMap<>();
        history.municipality("16051000", "Erfurt, Stadt", 214_969);
        history.municipality("16053000", "Jena, Stadt", 110_731);
        history.municipality("16055000", "Weimar, Stadt", 65_138);
        history.municipality("16071001", "Apolda, Stadt", 21_000);
        String wohngeld = history.service(WOHNGELD_KEY, "Wohngeld", "16", ReuseModel.EFA);
        history.publish(wohngeld, "1.0.0", 3, SINCE);
        String erfurt = history.authority("16", "Wohngeldstelle Erfurt", true);
        String jena = history.authority("16", "Bürgeramt Jena", true);
        String weimar = history.authority("16", "Sozialamt Weimar", false);
        String apoldaOld = history.authority("16", "Landratsamt Weimarer Land", true);
        String apoldaNew = history.authority("16", "Stadtverwaltung Apolda", true);
        String apoldaLater = history.authority("16", "Zweckverband Apolda", true);
        history.assignAuthority("16051000", history.adopt("16051000", wohngeld, "1.0.0", "16", SINCE), wohngeld, erfurt, SINCE);
        history.assignAuthority("16053000", history.adopt("16053000", wohngeld, "1.0.0", "16", SINCE), wohngeld, jena, SINCE);
        history.assignAuthority("16055000", history.adopt("16055000", wohngeld, "1.0.0", "16", SINCE), wohngeld, weimar, SINCE);
        String apolda = history.adopt("16071001", wohngeld, "1.0.0", "16", SINCE);
        // the authority changes today: from today on the new one receives the applications; tomorrow's change waits
        history.assignAuthority("16071001", apolda, wohngeld, apoldaOld, SINCE);
        history.assignAuthority("16071001", apolda, wohngeld, apoldaNew, TODAY);
        history.assignAuthority("16071001", apolda, wohngeld, apoldaLater, TODAY.plusDays(1));
        ids.put("erfurt", erfurt);
        ids.put("jena", jena);
        ids.put("apoldaNew", apoldaNew);
    }

    private ResponseEntity<String> routes(String query) {
        return get("analyst", "/fit-connect/v1/routes?" + query, history.lastPosition(), String.class);
    }

    private JsonNode found(String query) {
        ResponseEntity<String> answer = routes(query);
        assertThat(answer.getStatusCode().value()).as("%s: %s", query, answer.getBody()).isEqualTo(200);
        assertConforms(FitConnectSchemas.ROUTE_RESULT, answer.getBody());
        return tree(answer.getBody());
    }

    private static List<String> names(JsonNode result) {
        List<String> names = new ArrayList<>();
        result.get("routes").forEach(r -> names.add(r.get("destinationName").asText()));
        return names;
    }

    @Test
    void aStateAnswersTheRoutesOfItsMunicipalitiesResponsibleToday() {
        JsonNode result = found("leikaKey=" + WOHNGELD_KEY + "&ags=16");

        // Weimar's authority records no destination: no route; Apolda's changed today
        assertThat(names(result)).containsExactly("Bürgeramt Jena", "Stadtverwaltung Apolda", "Wohngeldstelle Erfurt");
        assertThat(result.get("count").asInt()).isEqualTo(3);
        assertThat(result.get("totalCount").asInt()).isEqualTo(3);
        assertThat(result.get("offset").asInt()).isZero();
        JsonNode route = result.get("routes").get(2);
        assertThat(route.get("destinationShortName").asText()).isEqualTo("Wohngeldstelle Erfurt");
        assertThat(route.get("address").get("zip").asText()).isEqualTo("99084");
        assertThat(route.get("contactPersons").get(0).get("email").asText()).isEqualTo("post@example.de");
        assertThat(route.get("destinationSignature").asText()).isEqualTo("eyJhbGciOiJQUzUxMiJ9.eyJkIjoiMSJ9.c2ln");
    }

    @Test
    void routesFollowAnAuthorityChangeOnItsEffectiveDate() {
        assertThat(names(found("leikaKey=" + WOHNGELD_KEY + "&ags=16071001"))).containsExactly("Stadtverwaltung Apolda");
        assertThat(names(found("leikaKey=" + WOHNGELD_KEY + "&ars=160710000001"))).containsExactly("Stadtverwaltung Apolda");
    }

    @Test
    void everyKindOfAreaKeySelectsItsMunicipalities() {
        assertThat(names(found("leikaKey=" + WOHNGELD_KEY + "&ags=16051"))).containsExactly("Wohngeldstelle Erfurt");
        assertThat(names(found("leikaKey=" + WOHNGELD_KEY + "&ags=16051000"))).containsExactly("Wohngeldstelle Erfurt");
        assertThat(names(found("leikaKey=" + WOHNGELD_KEY + "&ars=16053"))).containsExactly("Bürgeramt Jena");
        assertThat(names(found("leikaKey=" + WOHNGELD_KEY + "&ars=160530000000"))).containsExactly("Bürgeramt Jena");
        // an area id is a region's padded ARS: the state, the district of Jena
        assertThat(names(found("leikaKey=" + WOHNGELD_KEY + "&areaId=160000000000"))).hasSize(3);
        assertThat(names(found("leikaKey=" + WOHNGELD_KEY + "&areaId=160530000000"))).containsExactly("Bürgeramt Jena");
    }

    @Test
    void routesArePagedAndAPageBeyondTheEndIsEmpty() {
        JsonNode second = found("leikaKey=" + WOHNGELD_KEY + "&ags=16&offset=1&limit=1");
        assertThat(names(second)).containsExactly("Stadtverwaltung Apolda");
        assertThat(second.get("count").asInt()).isEqualTo(1);
        assertThat(second.get("offset").asInt()).isEqualTo(1);
        assertThat(second.get("totalCount").asInt()).isEqualTo(3);
        JsonNode beyond = found("leikaKey=" + WOHNGELD_KEY + "&ags=16&offset=10&limit=500");
        assertThat(beyond.get("routes")).isEmpty();
        assertThat(beyond.get("count").asInt()).isZero();
        assertThat(beyond.get("totalCount").asInt()).isEqualTo(3);
    }

    @Test
    void whenNoRouteIsFoundAProblemSaysWhy() {
        Map<String, String> why = new LinkedHashMap<>();
        why.put("leikaKey=" + WOHNGELD_KEY + "&ags=16055000", "no FIT-Connect destination");
        why.put("leikaKey=99000000000001&ags=16", "No service with LeiKa key 99000000000001");
        why.put("leikaKey=" + WOHNGELD_KEY + "&ags=09", "No municipality");
        why.put("leikaKey=" + WOHNGELD_KEY + "&areaId=170000000000", "No municipality");
        why.forEach((query, reason) -> {
            ResponseEntity<String> answer = routes(query);
            assertThat(answer.getStatusCode().value()).as("%s: %s", query, answer.getBody()).isEqualTo(400);
            assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
            assertConforms(FitConnectSchemas.ERROR, answer.getBody());
            JsonNode problem = tree(answer.getBody());
            assertThat(problem.get("type").asText()).endsWith("/fit-connect/no-route");
            assertThat(problem.get("detail").asText()).as(query).contains(reason);
        });
    }

    @Test
    void everyBadRequestIsAProblemOfTheApisErrorShape() {
        String key = "leikaKey=" + WOHNGELD_KEY;
        List<String> bad = List.of(
                "ags=16",                                       // no leikaKey
                "leikaKey=&ags=16",                             // an empty one
                "leikaKey=12345678901234&ags=16",               // not of the federal catalogue
                "leikaKey=9910800100000&ags=16",                // 13 digits
                "leikaKey=" + "9".repeat(10_000) + "&ags=16",   // 10,000 characters
                key,                                            // no area
                key + "&ags=16&ars=16",                         // two areas
                key + "&ags=16&areaId=16",
                key + "&ags=16&ars=16&areaId=16",
                key + "&ags=1605",                              // four digits
                key + "&ags=160510001",                         // nine digits: an ARS length, not an AGS one
                key + "&ars=1605100",                           // seven digits
                key + "&ars=16a",
                key + "&areaId=abc",
                key + "&areaId=",
                key + "&ags=16&offset=-1",
                key + "&ags=16&offset=x",
                key + "&ags=16&offset=99999999999999999999",
                key + "&ags=16&limit=0",
                key + "&ags=16&limit=501",
                key + "&ags=16&limit=1.5");
        for (String query : bad) {
            ResponseEntity<String> answer = routes(query);
            String shown = query.length() > 80 ? query.substring(0, 80) + "…" : query;
            assertThat(answer.getStatusCode().value()).as("%s: %s", shown, answer.getBody()).isEqualTo(400);
            assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .as("%s: %s", shown, answer.getHeaders().getContentType()).isTrue();
            assertConforms(FitConnectSchemas.ERROR, answer.getBody());
        }
    }

    @Test
    void infoNamesTheApiVersion() {
        ResponseEntity<String> answer = get("auditor", "/fit-connect/v1/info", history.lastPosition(), String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertConforms(FitConnectSchemas.INFO, answer.getBody());
        assertThat(tree(answer.getBody()).get("version").toString()).isEqualTo("{\"major\":2,\"minor\":0,\"patch\":0}");
    }

    @Test
    void anAnswerMissingARequiredFieldFailsValidation() {
        ObjectNode result = (ObjectNode) found("leikaKey=" + WOHNGELD_KEY + "&ags=16");
        ObjectNode withoutSignature = result.deepCopy();
        ((ObjectNode) withoutSignature.get("routes").get(0)).remove("destinationSignature");
        assertThat(violations(FitConnectSchemas.ROUTE_RESULT, withoutSignature)).anyMatch(m -> m.contains("destinationSignature"));
        ObjectNode withoutTotal = result.deepCopy();
        withoutTotal.remove("totalCount");
        assertThat(violations(FitConnectSchemas.ROUTE_RESULT, withoutTotal)).anyMatch(m -> m.contains("totalCount"));
        ObjectNode badDestination = result.deepCopy();
        ((ObjectNode) badDestination.get("routes").get(0)).put("destinationId", "not-a-uuid");
        assertThat(violations(FitConnectSchemas.ROUTE_RESULT, badDestination)).isNotEmpty();
        assertThat(violations(FitConnectSchemas.ERROR, "{\"title\":\"Bad\",\"status\":400}")).anyMatch(m -> m.contains("type"));
        assertThat(violations(FitConnectSchemas.INFO, "{\"version\":{\"major\":2,\"minor\":0}}")).anyMatch(m -> m.contains("patch"));
        assertThat(violations(FitConnectSchemas.AREA_RESULT, "{\"count\":0,\"offset\":0,\"areas\":[]}"))
                .anyMatch(m -> m.contains("totalCount"));
        assertThat(violations(FitConnectSchemas.AREA, "{\"id\":\"16\",\"name\":\"Thüringen\"}")).anyMatch(m -> m.contains("type"));
    }
}
