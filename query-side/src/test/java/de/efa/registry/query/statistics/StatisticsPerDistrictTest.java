package de.efa.registry.query.statistics;

import de.efa.registry.query.register.StatisticsContributions;
import com.mongodb.client.MongoDatabase;
import de.efa.registry.kernel.service.ReuseModel;
import de.efa.registry.query.QuerySideTestBase;
import de.efa.registry.query.register.RegisterProjection;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The statistics and a service's adoptions are kept in one document per district, not per state (a state's document
 * was rewritten whole for every adoption in the state): the answers must gather a state's districts — here one
 * service adopted across the border by municipalities in three districts of Thuringia.
 */
@SuppressWarnings("unchecked")
class StatisticsPerDistrictTest extends QuerySideTestBase {

    private static String service;
    private static long last;

    @Autowired
    MongoDatabase database;

    @BeforeEach
    void register() {
        if (service != null) {
            return;
        }
        history.municipality("16051000", "Erfurt, Stadt", 214_969);
        history.municipality("16055000", "Weimar, Stadt", 65_000);
        history.municipality("16061001", "Am Ohmberg", 5_000);
        history.municipality("16061002", "Arenshausen", 1_000);
        history.municipality("09162000", "München, Landeshauptstadt", 1_512_491);
        service = history.service("99123456789012", "Wohngeld", "09", ReuseModel.EFA);
        history.publish(service, "1.0.0", 3, LocalDate.of(2023, 1, 1));
        history.adopt("16051000", service, "1.0.0", "09", LocalDate.of(2023, 3, 1));
        history.adopt("16055000", service, "1.0.0", "09", LocalDate.of(2023, 3, 10));
        history.adopt("16061001", service, "1.0.0", "09", LocalDate.of(2023, 4, 1));
        history.adopt("09162000", service, "1.0.0", "09", LocalDate.of(2023, 3, 5));
        last = history.publish(service, "1.1.0", 3, LocalDate.of(2023, 6, 1));
    }

    @Test
    void theCrossBorderMatrixCountsEveryDistrictOfTheAdoptingState() {
        assertThat((List<Map<String, Object>>) body("/api/v1/stats/cross-border", last).get("rows")).containsExactly(
                Map.of("providingState", "09", "adoptingState", "16", "services", 1, "adoptions", 3,
                        "population", 214_969 + 65_000 + 5_000, "planned", 0, "populationPlanned", 0));
    }

    @Test
    void coverageAndTimelineGatherTheDistricts() {
        List<Map<String, Object>> byState = (List<Map<String, Object>>) body("/api/v1/stats/coverage", last).get("rows");
        assertThat(byState).extracting(r -> r.get("key"), r -> r.get("municipalities"), r -> r.get("adopted"))
                .containsExactly(tuple("09", 1, 1), tuple("16", 4, 3));
        List<Map<String, Object>> ofTheService = (List<Map<String, Object>>) body(
                "/api/v1/stats/coverage?serviceId=" + service + "&state=16&groupBy=district", last).get("rows");
        assertThat(ofTheService).extracting(r -> r.get("key"), r -> r.get("adopted"))
                .containsExactly(tuple("16051", 1), tuple("16055", 1), tuple("16061", 1));

        List<Map<String, Object>> months = (List<Map<String, Object>>) body(
                "/api/v1/stats/timeline?from=2023-03-01&to=2023-04-30&interval=month", last).get("rows");
        assertThat(months).containsExactly(Map.of("period", "2023-03", "started", 3, "ended", 0, "active", 3),
                Map.of("period", "2023-04", "started", 1, "ended", 0, "active", 4));
        List<Map<String, Object>> thuringia = (List<Map<String, Object>>) body(
                "/api/v1/stats/timeline?from=2023-04-01&to=2023-04-30&interval=month&state=16", last).get("rows");
        assertThat(thuringia).containsExactly(Map.of("period", "2023-04", "started", 1, "ended", 0, "active", 3));
    }

    @Test
    void aServicesAdoptionsAreCountedAndListedOverAllDistricts() {
        Map<String, Object> view = body("/api/v1/services/" + service, last);
        assertThat((Map<String, Object>) view.get("adoptions"))
                .containsEntry("total", 4).containsEntry("byState", Map.of("09", 1, "16", 3));
        Map<String, Object> inThuringia = body("/api/v1/services/" + service + "/adoptions?state=16", last);
        assertThat((List<Map<String, Object>>) inThuringia.get("items")).extracting(a -> a.get("ags"))
                .containsExactly("16051000", "16055000", "16061001");
    }

    @Test
    void theDocumentsAreKeyedByDistrict() {
        body("/api/v1/stats/coverage", last);
        assertThat(ids(StatisticsContributions.ADOPTED)).containsExactlyInAnyOrder("09162", "16051", "16055", "16061");
        assertThat(ids(StatisticsContributions.CROSS_BORDER)).containsExactlyInAnyOrder(
                "09|16051|" + service, "09|16055|" + service, "09|16061|" + service);
        assertThat(ids(RegisterProjection.SERVICE_ADOPTIONS)).containsExactlyInAnyOrder(
                service + "|09162", service + "|16051", service + "|16055", service + "|16061");
        assertThat(ids(StatisticsContributions.TIMELINE)).contains("16|2023-03|16051", "16|2023-03|16055", "16|2023-04|16061");
    }

    private List<String> ids(String logical) {
        List<String> ids = new ArrayList<>();
        database.getCollection("register_v1_" + logical).find().forEach((Document d) -> ids.add(d.getString("_id")));
        return ids;
    }
}
