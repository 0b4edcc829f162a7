package de.efa.registry.query.dv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.networknt.schema.JsonSchema;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.Ars;
import de.efa.registry.kernel.municipality.DistrictKey;
import de.efa.registry.kernel.municipality.MunicipalityRecorded;
import de.efa.registry.kernel.region.RegionKey;
import de.efa.registry.kernel.region.RegionLevel;
import de.efa.registry.kernel.region.RegionRecorded;
import de.efa.registry.kernel.service.MaturityLevel;
import de.efa.registry.kernel.service.OnlineStatus;
import de.efa.registry.kernel.service.ReuseModel;
import de.efa.registry.kernel.service.ServiceCatalogueFactsChanged;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import de.efa.registry.kernel.service.VersionDeprecated;
import de.efa.registry.kernel.service.VersionOnlineStatusChanged;
import de.efa.registry.kernel.service.VersionPublished;
import de.efa.registry.query.QuerySideTestBase;
import de.efa.registry.query.RegistryHistory;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dashboard data API over a small Germany: Thüringen with the district Sonneberg (three inhabited municipalities
 * and one without inhabitants) and Erfurt, and Bayern with München. Every answer is checked against the project's
 * schemas of the interface; the coverage classes follow the adoptions of today.
 */
class DvDataHttpTest extends QuerySideTestBase {

    private static final LocalDate GEBIETSSTAND = LocalDate.of(2023, 11, 30);
    private static final LocalDate LONG_AGO = LocalDate.of(2023, 1, 1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SONNEBERG = List.of("160725051006", "160725051013", "160720018018");
    private static final List<String> OTHERS = List.of("160510000000", "091620000000");
    private static long regions;

    @BeforeEach
    void germany() {
        if (regions > 0) {
            return;
        }
        region(RegionLevel.STATE, "160000000000", "Thüringen", null);
        region(RegionLevel.DISTRICT, "160720000000", "Sonneberg", "160000000000");
        region(RegionLevel.ASSOCIATION, "160725051000", "Neuhaus am Rennweg, Stadt", "160720000000");
        region(RegionLevel.ASSOCIATION, "160720018000", "Sonneberg, Stadt", "160720000000");
        region(RegionLevel.DISTRICT, "160510000000", "Erfurt, Stadt", "160000000000");
        region(RegionLevel.ASSOCIATION, "160510000000", "Erfurt, Stadt", "160510000000");
        region(RegionLevel.STATE, "090000000000", "Bayern", null);
        region(RegionLevel.DISTRICT, "091620000000", "München, Landeshauptstadt", "090000000000");
        region(RegionLevel.ASSOCIATION, "091620000000", "München, Landeshauptstadt", "091620000000");
        municipality("160725051006", "Goldisthal", 300);
        municipality("160725051013", "Neuhaus am Rennweg, Stadt", 8985);
        municipality("160720018018", "Sonneberg, Stadt", 23_400);
        // a forest without inhabitants: it adopts nothing and keeps no district from being covered
        municipality("160725051999", "Gemeindefreies Gebiet Forst", 0);
        municipality("160510000000", "Erfurt, Stadt", 214_969);
        regions = municipality("091620000000", "München, Landeshauptstadt", 1_512_491);
    }

    @Test
    void aDistrictWideAdoptionIsDistrictWideForTheDistrictAndAtLeastOneForItsState() throws Exception {
        String service = service("99000000000001", "Hundesteuer, online");
        long last = 0;
        for (String ars : SONNEBERG) {
            last = adopt(ars, service);
        }
        JsonNode district = page("/dv/v1/data/160720000000?includeAbove=true&includeBelow=false", last, DvSchemas.DATA_PAGE);
        assertThat(coverage(district, "99000000000001")).containsExactly(
                "160000000000 Thüringen in mind. einer Kommune verfügbar",
                "160720000000 Sonneberg kreisweit flächendeckend");
        JsonNode row = rows(district, "99000000000001").get(1);
        assertThat(row.get("leika_name").asText()).isEqualTo("Hundesteuer, online");
        assertThat(row.get("ars_federal_state").asText()).isEqualTo("16");
        assertThat(row.get("bundesland").asText()).isEqualTo("Thüringen");
        assertThat(row.get("url").asText()).isEqualTo("https://99000000000001.example.de/2.0.0");
        assertThat(row.get("aktiv").asText()).isEqualTo("ja");
        assertThat(row.has("online_status")).as("never checked: left out, the interface allows no null").isFalse();

        // below the district: its associations and municipalities are covered district-wide too
        JsonNode below = page("/dv/v1/data/160720000000?includeAbove=false", last, DvSchemas.DATA_PAGE);
        assertThat(coverage(below, "99000000000001")).containsExactly(
                "160720000000 Sonneberg kreisweit flächendeckend",
                "160720018000 Sonneberg, Stadt kreisweit flächendeckend",
                "160720018018 Sonneberg, Stadt kreisweit flächendeckend",
                "160725051000 Neuhaus am Rennweg, Stadt kreisweit flächendeckend",
                "160725051006 Goldisthal kreisweit flächendeckend",
                "160725051013 Neuhaus am Rennweg, Stadt kreisweit flächendeckend");
    }

    @Test
    void oneMunicipalityMissingTurnsItBackAndAnEndedAdoptionCountsNoLonger() throws Exception {
        String service = service("99000000000002", "Wohngeld");
        adopt(SONNEBERG.get(0), service);
        long last = adopt(SONNEBERG.get(1), service);
        assertThat(coverage(page("/dv/v1/data/160720000000?includeBelow=false&includeAbove=false", last, DvSchemas.DATA_PAGE),
                "99000000000002")).containsExactly("160720000000 Sonneberg in mind. einer Kommune verfügbar");

        String third = history.adopt(Ars.of(SONNEBERG.get(2)).ags().value(), service, "2.0.0", "16", LONG_AGO);
        last = history.lastPosition();
        assertThat(coverage(page("/dv/v1/data/160720000000?includeBelow=false&includeAbove=false", last, DvSchemas.DATA_PAGE),
                "99000000000002")).containsExactly("160720000000 Sonneberg kreisweit flächendeckend");

        // the third ended yesterday: today it is missing again, and has no row of its own
        last = history.end(Ars.of(SONNEBERG.get(2)).ags().value(), third, service, LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).minusDays(1));
        JsonNode after = page("/dv/v1/data/160720000000?includeAbove=false", last, DvSchemas.DATA_PAGE);
        assertThat(coverage(after, "99000000000002")).containsExactly(
                "160720000000 Sonneberg in mind. einer Kommune verfügbar",
                "160725051000 Neuhaus am Rennweg, Stadt in mind. einer Kommune verfügbar",
                "160725051006 Goldisthal in mind. einer Kommune verfügbar",
                "160725051013 Neuhaus am Rennweg, Stadt in mind. einer Kommune verfügbar");
    }

    @Test
    void everyMunicipalityOfAStateOrOfGermanyAndServicesNotEvaluated() throws Exception {
        String statewide = service("99000000000003", "Anwohnerparken");
        for (String ars : SONNEBERG) {
            adopt(ars, statewide);
        }
        long last = adopt(OTHERS.get(0), statewide);
        assertThat(coverage(page("/dv/v1/data/160000000000?includeBelow=false", last, DvSchemas.DATA_PAGE), "99000000000003"))
                .containsExactly("160000000000 Thüringen landesweit flächendeckend");

        String nationwide = service("99000000000004", "Melderegisterauskunft");
        for (String ars : SONNEBERG) {
            adopt(ars, nationwide);
        }
        for (String ars : OTHERS) {
            last = adopt(ars, nationwide);
        }
        assertThat(coverage(page("/dv/v1/data/091620000000?includeAbove=true&includeBelow=false", last, DvSchemas.DATA_PAGE),
                "99000000000004")).containsExactly("090000000000 Bayern bundesweit flächendeckend",
                "091620000000 München, Landeshauptstadt bundesweit flächendeckend");

        String notCounted = service("99000000000005", "Fischereischein");
        last = history.append("OnlineService", notCounted, new ServiceCatalogueFactsChanged(ServiceId.of(notCounted), 10_001,
                "Fischereischein", "Fischereischein Erteilung", 3, false));
        last = Math.max(last, adopt(OTHERS.get(0), notCounted));
        JsonNode erfurt = page("/dv/v1/data/160510000000?includeAbove=false&includeBelow=false", last, DvSchemas.DATA_PAGE);
        assertThat(coverage(erfurt, "99000000000005")).containsExactly("160510000000 Erfurt, Stadt nicht in Auswertung berücksichtigt");
        JsonNode row = rows(erfurt, "99000000000005").get(0);
        assertThat(row.get("ozgid").asInt()).isEqualTo(10_001);
        assertThat(row.get("ozg_bezeichnung").asText()).isEqualTo("Fischereischein");
        assertThat(row.get("leika_name").asText()).isEqualTo("Fischereischein Erteilung");
        assertThat(row.get("leika_bezeichnung").asText()).isEqualTo("Fischereischein");
    }

    @Test
    void theVersionsOnlineStatusAndLifecycleShowInTheRows() throws Exception {
        String service = service("99000000000006", "Gewerbeanmeldung");
        adopt(SONNEBERG.get(0), service);
        history.append("OnlineService", service, new VersionOnlineStatusChanged(ServiceId.of(service),
                ServiceVersion.parse("2.0.0"), OnlineStatus.NOT_OK, Instant.now(), "link-checker", "HTTP 503"));
        long last = history.append("OnlineService", service, new VersionDeprecated(ServiceId.of(service),
                ServiceVersion.parse("2.0.0"), LocalDate.of(2030, 1, 1), null));
        JsonNode row = rows(page("/dv/v1/data/160725051006?includeAbove=false", last, DvSchemas.DATA_PAGE), "99000000000006").get(0);
        assertThat(row.get("online_status").asText()).isEqualTo("nicht ok");
        assertThat(row.get("aktiv").asText()).isEqualTo("nein");
    }

    @Test
    void pagesHaveTheSpringDataShapeAndOrder() throws Exception {
        String service = service("99000000000007", "Baugenehmigung");
        long last = 0;
        for (String ars : SONNEBERG) {
            last = adopt(ars, service);
        }
        JsonNode all = page("/dv/v1/data?size=1000", last, DvSchemas.DATA_PAGE);
        long total = all.get("totalElements").asLong();
        assertThat(total).isEqualTo(all.get("content").size()).isGreaterThanOrEqualTo(7);

        JsonNode second = page("/dv/v1/data?page=1&size=2", last, DvSchemas.DATA_PAGE);
        assertThat(second.get("number").asInt()).isEqualTo(1);
        assertThat(second.get("size").asInt()).isEqualTo(2);
        assertThat(second.get("numberOfElements").asInt()).isEqualTo(2);
        assertThat(second.get("totalPages").asLong()).isEqualTo((total + 1) / 2);
        assertThat(second.get("first").asBoolean()).isFalse();
        assertThat(second.get("pageable").get("offset").asInt()).isEqualTo(2);
        assertThat(second.get("content").get(0)).isEqualTo(all.get("content").get(2));

        JsonNode descending = page("/dv/v1/data?order=desc&size=1000", last, DvSchemas.DATA_PAGE);
        assertThat(descending.get("content").get(0)).isEqualTo(all.get("content").get((int) total - 1));

        JsonNode beyond = page("/dv/v1/data/160720000000?page=999", last, DvSchemas.DATA_PAGE);
        assertThat(beyond.get("content").size()).isZero();
        assertThat(beyond.get("empty").asBoolean()).isTrue();
        assertThat(beyond.get("numberOfElements").asInt()).isZero();

        JsonNode ars = page("/dv/v1/ars?size=3", last, DvSchemas.ARS_PAGE);
        assertThat(ars.get("content").get(0).get("ars").asText()).isEqualTo("090000000000");
        assertThat(ars.get("content").get(0).get("arsName").asText()).isEqualTo("Bayern");
        // München's district, association and municipality share one ARS: listed once, by the district's name
        JsonNode allArs = page("/dv/v1/ars?size=1000", last, DvSchemas.ARS_PAGE);
        List<String> keys = new ArrayList<>();
        allArs.get("content").forEach(r -> keys.add(r.get("ars").asText()));
        assertThat(keys).doesNotHaveDuplicates().contains("091620000000", "160725051999");
        assertThat(page("/dv/v1/ars?order=desc&size=1", last, DvSchemas.ARS_PAGE).get("content").get(0).get("ars").asText())
                .isEqualTo("160725051999");
    }

    @Test
    void csvAndXlsxHoldThePagesRows() throws Exception {
        String service = service("99000000000008", "Kfz-Zulassung");
        long last = adopt(SONNEBERG.get(2), service);
        JsonNode json = page("/dv/v1/data/160720018018?includeAbove=false", last, DvSchemas.DATA_PAGE);
        JsonNode expected = rows(json, "99000000000008").get(0);

        ResponseEntity<byte[]> csv = get("analyst", "/dv/v1/data/160720018018?includeAbove=false&filetype=csv", last, byte[].class);
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("dv-160720018018-0.csv");
        String text = new String(csv.getBody(), StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<Map<String, String>> parsed = new ArrayList<>();
        new CsvMapper().readerFor(Map.class).with(CsvSchema.emptySchema().withHeader()).<Map<String, String>>readValues(text)
                .forEachRemaining(parsed::add);
        assertThat(parsed).hasSize(json.get("content").size());
        Map<String, String> csvRow = parsed.stream().filter(r -> r.get("leika_key").equals("99000000000008")).findFirst().orElseThrow();
        assertThat(csvRow.keySet()).containsExactly(DvDataDto.COLUMNS);
        assertThat(csvRow).containsEntry("ars", "160720018018").containsEntry("ars_name", "Sonneberg, Stadt")
                .containsEntry("art_flaechendeckung", expected.get("art_flaechendeckung").asText())
                .containsEntry("url", expected.get("url").asText()).containsEntry("bundesland", "Thüringen");

        ResponseEntity<byte[]> xlsx = get("analyst", "/dv/v1/data/160720018018?includeAbove=false&filetype=xlsx", last, byte[].class);
        assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
        assertThat(xlsx.getHeaders().getContentType().toString())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(json.get("content").size());
            for (int c = 0; c < DvDataDto.COLUMNS.length; c++) {
                assertThat(sheet.getRow(0).getCell(c).getStringCellValue()).isEqualTo(DvDataDto.COLUMNS[c]);
            }
            boolean found = false;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if (sheet.getRow(r).getCell(0).getStringCellValue().equals("99000000000008")) {
                    found = true;
                    assertThat(sheet.getRow(r).getCell(2).getStringCellValue()).isEqualTo("160720018018");
                    assertThat(sheet.getRow(r).getCell(12).getStringCellValue()).isEqualTo(expected.get("art_flaechendeckung").asText());
                }
            }
            assertThat(found).isTrue();
        }
    }

    @Test
    void badParametersAreProblemsAndAnUnknownRegionIsNotFound() throws Exception {
        for (String bad : List.of("/dv/v1/data/16072", "/dv/v1/data/16072000000x", "/dv/v1/data/990000000000",
                "/dv/v1/data/160720000000?page=-1", "/dv/v1/data/160720000000?page=x", "/dv/v1/data/160720000000?size=0",
                "/dv/v1/data/160720000000?size=1001", "/dv/v1/data/160720000000?filetype=pdf",
                "/dv/v1/data/160720000000?includeAbove=yes", "/dv/v1/data/160720000000?includeBelow=TRUE",
                "/dv/v1/data/160720000000?order=up", "/dv/v1/data?size=abc", "/dv/v1/data?page=1e3", "/dv/v1/ars?order=%00",
                "/dv/v1/ars?size=99999999999")) {
            ResponseEntity<String> answer = get("analyst", bad, regions, String.class);
            assertThat(answer.getStatusCode().value()).as(bad).isEqualTo(400);
            assertThat(answer.getHeaders().getContentType().toString()).as(bad).startsWith("application/problem+json");
            assertThat(DvSchemas.errors(DvSchemas.PROBLEM, JSON.readTree(answer.getBody()))).as(bad).isEmpty();
        }
        ResponseEntity<String> unknown = get("analyst", "/dv/v1/data/160999000000", regions, String.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(DvSchemas.errors(DvSchemas.PROBLEM, JSON.readTree(unknown.getBody()))).isEmpty();
        assertThat(get("analyst", "/dv/v1/data/160999000000?filetype=xlsx", regions, String.class).getStatusCode().value())
                .isEqualTo(404);
    }

    @Test
    void theSchemasRefuseAnAnswerThatLacksARequiredField() throws Exception {
        String service = service("99000000000009", "Personalausweis");
        long last = adopt(SONNEBERG.get(0), service);
        JsonNode answer = page("/dv/v1/data/160725051006", last, DvSchemas.DATA_PAGE);

        ObjectNode withoutCoverage = answer.deepCopy();
        ((ObjectNode) withoutCoverage.get("content").get(0)).remove("art_flaechendeckung");
        assertThat(DvSchemas.errors(DvSchemas.DATA_PAGE, withoutCoverage)).isNotEmpty()
                .anySatisfy(m -> assertThat(m.getMessage()).contains("art_flaechendeckung"));
        ObjectNode withoutTotal = answer.deepCopy();
        withoutTotal.remove("totalElements");
        assertThat(DvSchemas.errors(DvSchemas.DATA_PAGE, withoutTotal)).isNotEmpty();
        ObjectNode unknownCoverage = answer.deepCopy();
        ((ObjectNode) unknownCoverage.get("content").get(0)).put("art_flaechendeckung", "überall");
        assertThat(DvSchemas.errors(DvSchemas.DATA_PAGE, unknownCoverage)).isNotEmpty();
        ObjectNode problemWithoutStatus = JSON.createObjectNode().put("type", "about:blank").put("title", "Bad");
        assertThat(DvSchemas.errors(DvSchemas.PROBLEM, problemWithoutStatus)).isNotEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private JsonNode page(String path, long position, JsonSchema schema) throws Exception {
        ResponseEntity<String> answer = get("analyst", path, position, String.class);
        assertThat(answer.getStatusCode().value()).as("GET %s: %s", path, answer.getBody()).isEqualTo(200);
        JsonNode json = JSON.readTree(answer.getBody());
        assertThat(DvSchemas.errors(schema, json)).as("GET %s against the schema", path).isEmpty();
        return json;
    }

    private static List<JsonNode> rows(JsonNode page, String leikaKey) {
        List<JsonNode> rows = new ArrayList<>();
        page.get("content").forEach(r -> {
            if (r.get("leika_key").asText().equals(leikaKey)) {
                rows.add(r);
            }
        });
        return rows;
    }

    private static List<String> coverage(JsonNode page, String leikaKey) {
        return rows(page, leikaKey).stream().map(r -> r.get("ars").asText() + " " + r.get("ars_name").asText() + " "
                + r.get("art_flaechendeckung").asText()).toList();
    }

    private String service(String leikaKey, String name) {
        String id = history.service(leikaKey, name, "16", ReuseModel.EFA);
        history.append("OnlineService", id, new VersionPublished(ServiceId.of(id), ServiceVersion.parse("2.0.0"),
                MaturityLevel.of(3), MaturityLevel.MODEL, LONG_AGO, "https://" + leikaKey + ".example.de/2.0.0"));
        return id;
    }

    private long adopt(String ars, String serviceId) {
        history.adopt(Ars.of(ars).ags().value(), serviceId, "2.0.0", "16", LONG_AGO);
        return history.lastPosition();
    }

    private void region(RegionLevel level, String ars, String name, String parent) {
        history.append("Region", RegionKey.of(level, Ars.of(ars)).value(), new RegionRecorded(level, Ars.of(ars), name,
                parent == null ? null : Ars.of(parent), 0, 0, GEBIETSSTAND));
    }

    private long municipality(String ars, String name, long population) {
        Ags ags = Ars.of(ars).ags();
        return history.append("Municipality", ags.value(), new MunicipalityRecorded(ags, Ars.of(ars), name,
                DistrictKey.of(ars.substring(0, 5)), null, null, population, 100, null, GEBIETSSTAND));
    }
}
