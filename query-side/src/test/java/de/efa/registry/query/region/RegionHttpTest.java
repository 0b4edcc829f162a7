package de.efa.registry.query.region;

import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.Ars;
import de.efa.registry.kernel.municipality.DistrictKey;
import de.efa.registry.kernel.municipality.MunicipalityRecorded;
import de.efa.registry.kernel.region.RegionChanged;
import de.efa.registry.kernel.region.RegionDissolved;
import de.efa.registry.kernel.region.RegionKey;
import de.efa.registry.kernel.region.RegionLevel;
import de.efa.registry.kernel.region.RegionRecorded;
import de.efa.registry.query.QuerySideTestBase;
import de.efa.registry.query.RegistryHistory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The regions at every level as the API answers them, from the directory's events. */
@SuppressWarnings({"unchecked", "rawtypes"})
class RegionHttpTest extends QuerySideTestBase {

    private static final LocalDate GEBIETSSTAND = LocalDate.of(2023, 11, 30);
    private static long last;

    @BeforeEach
    void directory() {
        if (last > 0) {
            return;
        }
        region(history, RegionLevel.STATE, "160000000000", "Thüringen", null, 9285 + 47637, 3);
        region(history, RegionLevel.DISTRICT, "160720000000", "Sonneberg", "160000000000", 9285 + 47637, 3);
        region(history, RegionLevel.ASSOCIATION, "160725051000", "Neuhaus am Rennweg, Stadt", "160720000000", 9285, 2);
        region(history, RegionLevel.ASSOCIATION, "160720018000", "Sonneberg, Stadt", "160720000000", 47637 - 1, 1);
        municipality(history, "160725051006", "Goldisthal", 300);
        municipality(history, "160725051013", "Neuhaus am Rennweg, Stadt", 8985);
        municipality(history, "160720018018", "Sonneberg, Stadt", 23_400);
        region(history, RegionLevel.STATE, "020000000000", "Hamburg", null, 1_892_122, 1);
        region(history, RegionLevel.DISTRICT, "020000000000", "Hamburg", "020000000000", 1_892_122, 1);
        region(history, RegionLevel.ASSOCIATION, "020000000000", "Hamburg, Freie und Hansestadt", "020000000000", 1_892_122, 1);
        municipality(history, "020000000000", "Hamburg, Freie und Hansestadt", 1_892_122);
        region(history, RegionLevel.STATE, "090000000000", "Bayern", null, 1_512_491, 1);
        region(history, RegionLevel.GOVERNMENT_REGION, "091000000000", "Oberbayern", "090000000000", 1_512_491, 1);
        last = region(history, RegionLevel.DISTRICT, "091620000000", "München, Landeshauptstadt", "091000000000", 1_512_491, 1);
    }

    @Test
    void aRegionByItsArsWithItsParentAndFigures() {
        Map<String, Object> sonneberg = body("/api/v1/regions/160720000000", last);

        assertThat(sonneberg).containsEntry("ars", "160720000000").containsEntry("name", "Sonneberg")
                .containsEntry("level", "DISTRICT").containsEntry("parent", "160000000000").containsEntry("state", "16")
                .containsEntry("population", 56_922).containsEntry("municipalities", 3)
                .containsEntry("otherLevels", List.of()).doesNotContainKey("dissolvedOn");
        assertThat(body("/api/v1/regions/160000000000", last)).containsEntry("level", "STATE").containsEntry("parent", null);
        assertThat(body("/api/v1/regions/091000000000", last)).containsEntry("level", "GOVERNMENT_REGION")
                .containsEntry("name", "Oberbayern").containsEntry("parent", "090000000000");
    }

    @Test
    void aMunicipalityIsARegionOfItsOwnUnderItsAssociation() {
        assertThat(body("/api/v1/regions/160725051006", last)).containsEntry("level", "MUNICIPALITY")
                .containsEntry("name", "Goldisthal").containsEntry("parent", "160725051000").containsEntry("state", "16")
                .containsEntry("population", 300).containsEntry("municipalities", 1);
    }

    @Test
    void anArsSharedByLevelsAnswersTheHighestAndNamesTheOthers() {
        Map<String, Object> hamburg = body("/api/v1/regions/020000000000", last);
        assertThat(hamburg).containsEntry("level", "STATE").containsEntry("name", "Hamburg")
                .containsEntry("otherLevels", List.of("DISTRICT", "ASSOCIATION", "MUNICIPALITY"));

        Map<String, Object> municipality = body("/api/v1/regions/020000000000?level=MUNICIPALITY", last);
        assertThat(municipality).containsEntry("level", "MUNICIPALITY").containsEntry("name", "Hamburg, Freie und Hansestadt")
                .containsEntry("parent", "020000000000").containsEntry("otherLevels", List.of("STATE", "DISTRICT", "ASSOCIATION"));

        ResponseEntity<Map> noGovernmentRegion = get("/api/v1/regions/020000000000?level=GOVERNMENT_REGION", last);
        assertThat(noGovernmentRegion.getStatusCode().value()).isEqualTo(404);
        assertThat(noGovernmentRegion.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    @Test
    void listsFilterByLevelStateAndNameAndArePaged() {
        Map<String, Object> districts = body("/api/v1/regions?level=DISTRICT", last);
        assertThat(districts).containsEntry("total", 3).containsEntry("page", 0).containsEntry("size", 50);
        assertThat(ars(districts)).containsExactly("020000000000", "091620000000", "160720000000");

        assertThat(names(body("/api/v1/regions?state=16&level=ASSOCIATION", last)))
                .containsExactly("Sonneberg, Stadt", "Neuhaus am Rennweg, Stadt");
        // a substring of the name, in any case; by ARS, then from the highest level down
        Map<String, Object> sonne = body("/api/v1/regions?q=SONNE", last);
        assertThat(sonne.get("items")).asList().extracting(i -> ((Map) i).get("level"))
                .containsExactly("DISTRICT", "ASSOCIATION", "MUNICIPALITY");
        assertThat(names(body("/api/v1/regions?q=rennweg&level=MUNICIPALITY", last))).containsExactly("Neuhaus am Rennweg, Stadt");

        Map<String, Object> second = body("/api/v1/regions?state=02&page=1&size=2", last);
        assertThat(second).containsEntry("total", 4).containsEntry("page", 1).containsEntry("size", 2);
        assertThat(second.get("items")).asList().extracting(i -> ((Map) i).get("level")).containsExactly("ASSOCIATION", "MUNICIPALITY");
        assertThat(body("/api/v1/regions?q=nirgendwo", last)).containsEntry("total", 0).containsEntry("items", List.of());
    }

    @Test
    void badInputIsAProblemAndAnUnknownArsIsNotFound() {
        for (String bad : List.of("/api/v1/regions/16072", "/api/v1/regions/16072000000x", "/api/v1/regions/990000000000",
                "/api/v1/regions/1607200000000", "/api/v1/regions/160720000000?level=PLANET",
                "/api/v1/regions?level=KREIS", "/api/v1/regions?state=17", "/api/v1/regions?size=501",
                "/api/v1/regions?page=-1")) {
            ResponseEntity<Map> answer = get(bad, last);
            assertThat(answer.getStatusCode().value()).as(bad).isEqualTo(400);
            assertThat(answer.getHeaders().getContentType().toString()).as(bad).startsWith("application/problem+json");
        }
        ResponseEntity<Map> unknown = get("/api/v1/regions/160999000000", last);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat((String) unknown.getBody().get("detail")).contains("160999000000");
    }

    @Test
    void aChangedRegionShowsItsNewNameAndADissolvedOneLeavesTheLists() {
        long renamed = history.append("Region", "ASSOCIATION:160720018000", new RegionChanged(RegionLevel.ASSOCIATION,
                Ars.of("160720018000"), "Sonneberg, Große Kreisstadt", Ars.of("160720000000"), 23_400, 1, GEBIETSSTAND));
        assertThat(body("/api/v1/regions/160720018000?level=ASSOCIATION", renamed)).containsEntry("name", "Sonneberg, Große Kreisstadt")
                .containsEntry("population", 23_400);

        long dissolved = history.append("Region", "DISTRICT:091620000000", new RegionDissolved(RegionLevel.DISTRICT,
                Ars.of("091620000000"), LocalDate.of(2024, 6, 30)));
        assertThat(ars(body("/api/v1/regions?level=DISTRICT", dissolved))).containsExactly("020000000000", "160720000000");
        assertThat(body("/api/v1/regions/091620000000", dissolved)).containsEntry("dissolvedOn", "2024-06-30");
    }

    private static long region(RegistryHistory history, RegionLevel level, String ars, String name, String parent,
                               long population, int municipalities) {
        return history.append("Region", RegionKey.of(level, Ars.of(ars)).value(), new RegionRecorded(level, Ars.of(ars),
                name, parent == null ? null : Ars.of(parent), population, municipalities, GEBIETSSTAND));
    }

    private static long municipality(RegistryHistory history, String ars, String name, long population) {
        Ags ags = Ars.of(ars).ags();
        return history.append("Municipality", ags.value(), new MunicipalityRecorded(ags, Ars.of(ars), name,
                DistrictKey.of(ars.substring(0, 5)), null, null, population, 100, null, GEBIETSSTAND));
    }

    private static List<Object> ars(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(i -> i.get("ars")).toList();
    }

    private static List<Object> names(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(i -> i.get("name")).toList();
    }
}
