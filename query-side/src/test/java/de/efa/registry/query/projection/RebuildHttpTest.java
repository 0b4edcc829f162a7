package de.efa.registry.query.projection;

import com.mongodb.client.MongoDatabase;
import de.efa.registry.query.QuerySideTestBase;
import de.efa.registry.query.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A rebuild fills fresh collections, takes over when caught up, and answers exactly as the live model did. */
@SuppressWarnings({"unchecked", "rawtypes"})
class RebuildHttpTest extends QuerySideTestBase {

    @Autowired
    MongoDatabase database;

    @Test
    void aRebuiltProjectionAnswersExactlyAsTheLiveOneDid() {
        Scenario scenario = new Scenario(history);
        List<String> reads = reads(scenario);
        Map<String, Object> before = answers(reads, scenario.last);

        List<Map<String, Object>> status = admin();
        assertThat(status).extracting(s -> s.get("name")).containsExactly("dv", "lookup", "regions", "register", "reuse");
        assertThat(status).allSatisfy(s -> assertThat(s).containsEntry("status", "LIVE").containsEntry("version", 1)
                .containsEntry("progress", 1.0).containsEntry("deadLetters", 0));
        assertThat(((Number) status.get(0).get("position")).longValue()).isGreaterThanOrEqualTo(scenario.last);

        for (String name : List.of("dv", "lookup", "regions", "register", "reuse")) {
            ResponseEntity<Map> accepted = http.withBasicAuth("admin", "demo")
                    .postForEntity("/api/v1/admin/projections/" + name + "/rebuild", null, Map.class);
            assertThat(accepted.getStatusCode().value()).isEqualTo(202);
            assertThat(accepted.getBody()).containsEntry("rebuilding", 2);
        }
        // queries keep answering from the complete model while the rebuild runs
        assertThat(answers(reads, scenario.last)).isEqualTo(before);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(admin()).allSatisfy(s ->
                assertThat(s).containsEntry("status", "LIVE").containsEntry("version", 2)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(database.listCollectionNames().into(new ArrayList<>()))
                .noneMatch(c -> c.startsWith("dv_v1_") || c.startsWith("lookup_v1_") || c.startsWith("regions_v1_") || c.startsWith("register_v1_")
                        || c.startsWith("reuse_v1_"))
                .anyMatch(c -> c.startsWith("lookup_v2_")));

        assertThat(answers(reads, scenario.last)).isEqualTo(before);
        // and the rebuilt version keeps up with new events
        long more = history.municipality("16055001", "Neudorf", 10);
        assertThat(body("/api/v1/municipalities/16055001", more)).containsEntry("name", "Neudorf");
    }

    @Test
    void onlyAdminsOperateProjectionsAndUnknownOnesAre404() {
        assertThat(get("analyst", "/api/v1/admin/projections", 0, String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(http.withBasicAuth("admin", "demo").postForEntity("/api/v1/admin/projections/nope/rebuild", null, Map.class)
                .getStatusCode().value()).isEqualTo(404);
    }

    private List<Map<String, Object>> admin() {
        return get("admin", "/api/v1/admin/projections", 0, List.class).getBody();
    }

    private Map<String, Object> answers(List<String> reads, long position) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (String read : reads) {
            answers.put(read, body(read, position));
        }
        return answers;
    }

    private static List<String> reads(Scenario s) {
        List<String> reads = new ArrayList<>();
        for (String ags : List.of("16051000", "16055000", "09162000")) {
            for (String day : List.of("2023-03-01", "2023-04-02", "2024-02-01", "2024-07-01", "2025-01-01")) {
                reads.add("/api/v1/lookup/" + ags + "?asOf=" + day);
            }
        }
        reads.addAll(List.of("/api/v1/services/" + s.wohngeld, "/api/v1/services/" + s.hundesteuer, "/api/v1/services",
                "/api/v1/services/" + s.wohngeld + "/adoptions", "/api/v1/adoptions/" + s.erfurtWohngeld,
                "/api/v1/adoptions/" + s.muenchenHund, "/api/v1/municipalities", "/api/v1/municipalities/09162000",
                "/api/v1/regions", "/api/v1/regions/091620000000", "/api/v1/regions?q=erfurt",
                "/dv/v1/data?size=1000", "/dv/v1/data/160510000000", "/dv/v1/ars",
                "/api/v1/cooperations", "/api/v1/cooperations/" + s.cooperation, "/api/v1/stats/coverage",
                "/api/v1/stats/coverage?groupBy=district&serviceId=" + s.wohngeld, "/api/v1/stats/cross-border",
                "/api/v1/stats/maturity", "/api/v1/stats/timeline?from=2023-01-01&to=2024-12-31&interval=week"));
        return reads;
    }
}
