package de.efa.registry.query.fitconnect;

import com.fasterxml.jackson.databind.JsonNode;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.Ars;
import de.efa.registry.kernel.municipality.DistrictKey;
import de.efa.registry.kernel.municipality.MunicipalityRecorded;
import de.efa.registry.kernel.region.RegionKey;
import de.efa.registry.kernel.region.RegionLevel;
import de.efa.registry.kernel.region.RegionRecorded;
import de.efa.registry.query.QuerySideTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static de.efa.registry.query.fitconnect.FitConnectSchemas.assertConforms;
import static de.efa.registry.query.fitconnect.FitConnectSchemas.tree;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /fit-connect/v1/areas} over HTTP: found by name and postal code, paged, refused — each answer conforming. */
class FitConnectAreasHttpTest extends QuerySideTestBase {

    private static final LocalDate GEBIETSSTAND = LocalDate.of(2023, 11, 30);
    private static long last;

    @BeforeEach
    void directory() {
        if (last > 0) {
            return;
        }
        region(RegionLevel.STATE, "150000000000", "Sachsen-Anhalt", null);
        region(RegionLevel.DISTRICT, "150030000000", "Magdeburg, Landeshauptstadt", "150000000000");
        municipality("150030000000", "Magdeburg, Landeshauptstadt", "39104");
        region(RegionLevel.DISTRICT, "150830000000", "Börde", "150000000000");
        region(RegionLevel.ASSOCIATION, "150835355000", "Hohe Börde", "150830000000");
        municipality("150835355010", "Hohe Börde", "39167");
        region(RegionLevel.STATE, "160000000000", "Thüringen", null);
        region(RegionLevel.DISTRICT, "160510000000", "Erfurt, Stadt", "160000000000");
        last = municipality("160510000000", "Erfurt, Stadt", "99084");
    }

    private long region(RegionLevel level, String ars, String name, String parent) {
        return history.append("Region", RegionKey.of(level, Ars.of(ars)).value(), new RegionRecorded(level, Ars.of(ars),
                name, parent == null ? null : Ars.of(parent), 1000, 1, GEBIETSSTAND));
    }

    private long municipality(String ars, String name, String postalCode) {
        Ags ags = Ars.of(ars).ags();
        return history.append("Municipality", ags.value(), new MunicipalityRecorded(ags, Ars.of(ars), name,
                DistrictKey.of(ars.substring(0, 5)), null, null, 1000, 100, postalCode, GEBIETSSTAND));
    }

    private ResponseEntity<String> areas(String query) {
        return get("auditor", "/fit-connect/v1/areas?" + query, last, String.class);
    }

    private JsonNode found(String query) {
        ResponseEntity<String> answer = areas(query);
        assertThat(answer.getStatusCode().value()).as("%s: %s", query, answer.getBody()).isEqualTo(200);
        assertConforms(FitConnectSchemas.AREA_RESULT, answer.getBody());
        return tree(answer.getBody());
    }

    private static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.get("areas").forEach(a -> ids.add(a.get("id").asText() + " " + a.get("type").asText()));
        return ids;
    }

    @Test
    void magStarFindsMagdeburgOnceUnderItsHighestLevel() {
        JsonNode result = found("areaSearchexpression=Mag*");
        assertThat(ids(result)).containsExactly("150030000000 Kreis");
        assertThat(result.get("areas").get(0).get("name").asText()).isEqualTo("Magdeburg, Landeshauptstadt");
        assertThat(result.get("totalCount").asInt()).isEqualTo(1);
        // a whole word without wildcard; a word inside the name; no word that merely contains the term
        assertThat(ids(found("areaSearchexpression=Magdeburg"))).containsExactly("150030000000 Kreis");
        assertThat(ids(found("areaSearchexpression=landeshauptstadt"))).containsExactly("150030000000 Kreis");
        assertThat(ids(found("areaSearchexpression=agdeburg"))).isEmpty();
        assertThat(ids(found("areaSearchexpression=*agdeburg"))).containsExactly("150030000000 Kreis");
    }

    @Test
    void aPostalCodeFindsItsMunicipalityAndTheRegionsAboveIt() {
        assertThat(ids(found("areaSearchexpression=39167"))).containsExactly("150830000000 Kreis",
                "150835355000 Gemeindeverband", "150835355010 Gemeinde", "150000000000 Land");
        assertThat(ids(found("areaSearchexpression=391*"))).hasSize(5);
        assertThat(ids(found("areaSearchexpression=99084"))).containsExactly("160510000000 Kreis", "160000000000 Land");
    }

    @Test
    void everyTermMustMatchAndResultsArePaged() {
        assertThat(ids(found("areaSearchexpression=Börde&areaSearchexpression=Hohe"))).containsExactly(
                "150835355000 Gemeindeverband", "150835355010 Gemeinde");
        JsonNode page = found("areaSearchexpression=*de*&offset=1&limit=2");
        assertThat(page.get("count").asInt()).isEqualTo(2);
        assertThat(page.get("offset").asInt()).isEqualTo(1);
        assertThat(page.get("totalCount").asInt()).isGreaterThanOrEqualTo(3);
        JsonNode beyond = found("areaSearchexpression=Mag*&offset=5");
        assertThat(beyond.get("areas")).isEmpty();
        assertThat(beyond.get("totalCount").asInt()).isEqualTo(1);
        assertThat(found("areaSearchexpression=Atlantis").get("areas")).isEmpty();
    }

    @Test
    void aTermOfManyWildcardsCostsNoBacktracking() {
        String many = "*ab".repeat(33);
        assertThat(found("areaSearchexpression=" + many).get("areas")).isEmpty();
    }

    @Test
    void everyBadSearchIsAProblemOfTheApisErrorShape() {
        StringBuilder eleven = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            eleven.append(i == 0 ? "" : "&").append("areaSearchexpression=Ort").append(i);
        }
        List<String> bad = List.of(
                "",                                             // no term
                "areaSearchexpression=",                        // an empty one
                "areaSearchexpression=*",                       // a wildcard alone
                "areaSearchexpression=**",
                "areaSearchexpression=M*",                      // one character besides the wildcard
                "areaSearchexpression=  ",                       // blanks
                "areaSearchexpression=" + "x".repeat(10_000),   // 10,000 characters
                "areaSearchexpression=Mag*" + "*".repeat(100),
                eleven.toString(),                              // more than ten terms
                "areaSearchexpression=Mag*&offset=-1",
                "areaSearchexpression=Mag*&limit=0",
                "areaSearchexpression=Mag*&limit=501");
        for (String query : bad) {
            ResponseEntity<String> answer = areas(query);
            String shown = query.length() > 80 ? query.substring(0, 80) + "…" : query;
            assertThat(answer.getStatusCode().value()).as("%s: %s", shown, answer.getBody()).isEqualTo(400);
            assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .as(shown).isTrue();
            assertConforms(FitConnectSchemas.ERROR, answer.getBody());
        }
    }
}
