package de.efa.registry.command.retirement;

import de.efa.registry.command.CommandSideApplication;
import de.efa.registry.command.support.RegistryHttp;
import de.efa.registry.kernel.common.RegistryMetaData;
import de.efa.registry.testsupport.RegistryTestProperties;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Retiring a version moves its adoptions — those before the retirement and those racing it — as the system. */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RetirementProcessHttpTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        RegistryTestProperties.register(registry);
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    MongoDatabase registryDatabase;

    private Document lastEventOf(String type, String adoptionId) {
        return registryDatabase.getCollection("events")
                .find(new Document("payloadType", type).append("payload.adoptionId", adoptionId)).first();
    }

    @Test
    void adoptionsMoveToTheSuccessorOrBecomeUnsupported() throws Exception {
        RegistryHttp http = new RegistryHttp(rest);
        byte[] fixture = new ClassPathResource("demo/gv100ad-demo.txt").getContentAsByteArray();
        assertThat(http.postText("admin", "/api/v1/admin/municipalities/import", fixture, MediaType.TEXT_PLAIN).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        String service = (String) http.post("thueringen", "/api/v1/services", Map.of("leikaKey", "99100000000010",
                "name", "Wohngeld", "providingState", "16", "reuse", "EFA")).getBody().get("serviceId");
        for (String version : List.of("1.0.0", "2.0.0", "3.0.0")) {
            http.post("thueringen", "/api/v1/services/" + service + "/versions",
                    Map.of("version", version, "maturityLevel", 3, "releasedOn", "2022-01-01"));
        }
        String erfurt = adopt(http, service, "16051000", "1.0.0");
        String jena = adopt(http, service, "16053000", "1.0.0");
        String weimar = adopt(http, service, "16055000", "2.0.0");

        ResponseEntity<Map> retired = http.post("thueringen", "/api/v1/services/" + service + "/versions/1.0.0/retirement",
                Map.of("retiredOn", "2024-03-31", "successor", "3.0.0"));
        assertThat(retired.getStatusCode()).isEqualTo(HttpStatus.OK);
        http.post("thueringen", "/api/v1/services/" + service + "/versions/2.0.0/retirement", Map.of("retiredOn", "2024-04-30"));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(lastEventOf("de.efa.registry.kernel.adoption.AdoptionVersionSwitched", erfurt)).isNotNull();
            assertThat(lastEventOf("de.efa.registry.kernel.adoption.AdoptionVersionSwitched", jena)).isNotNull();
            assertThat(lastEventOf("de.efa.registry.kernel.adoption.AdoptionMarkedUnsupported", weimar)).isNotNull();
        });

        Document migrated = lastEventOf("de.efa.registry.kernel.adoption.AdoptionVersionSwitched", erfurt);
        Document payload = migrated.get("payload", Document.class);
        assertThat(payload.getString("fromVersion")).isEqualTo("1.0.0");
        assertThat(payload.getString("toVersion")).isEqualTo("3.0.0");
        assertThat(payload.getString("effectiveFrom")).isEqualTo("2024-03-31");
        assertThat(payload.getString("reason")).isEqualTo("RETIREMENT_MIGRATION");
        Document metaData = migrated.get("metaData", Document.class);
        Document retirement = registryDatabase.getCollection("events").find(new Document("payloadType",
                "de.efa.registry.kernel.service.VersionRetired").append("payload.version", "1.0.0")).first();
        assertThat(metaData.getString(RegistryMetaData.PRINCIPAL)).isEqualTo(RegistryMetaData.SYSTEM_PRINCIPAL);
        assertThat(metaData.getString(RegistryMetaData.CAUSATION_ID)).isEqualTo(retirement.getString("eventId"));
        assertThat(metaData.getString(RegistryMetaData.CORRELATION_ID))
                .isEqualTo(retirement.get("metaData", Document.class).getString(RegistryMetaData.CORRELATION_ID));

        // the live lookup follows the migration, so later commands on the adoption see its new version
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                registryDatabase.getCollection("write_adoptions").find(new Document("_id", jena)).first().getString("version"))
                .isEqualTo("3.0.0"));
    }

    @Test
    void anAdoptionArrivingAfterTheRetirementInTheStreamIsMovedToo() throws Exception {
        // the ledger sees the retirement first and the adoption onto the retired version later, as in a lost race
        RegistryHttp http = new RegistryHttp(rest);
        byte[] fixture = new ClassPathResource("demo/gv100ad-demo.txt").getContentAsByteArray();
        http.postText("admin", "/api/v1/admin/municipalities/import", fixture, MediaType.TEXT_PLAIN);
        String service = (String) http.post("bayern", "/api/v1/services", Map.of("leikaKey", "99100000000011",
                "name", "Ummeldung", "providingState", "09", "reuse", "EFA")).getBody().get("serviceId");
        for (String version : List.of("1.0.0", "2.0.0")) {
            http.post("bayern", "/api/v1/services/" + service + "/versions",
                    Map.of("version", version, "maturityLevel", 3, "releasedOn", "2022-01-01"));
        }
        String muenchen = adopt(http, service, "09162000", "2.0.0");
        // simulate the race: the process learns of a retirement of 2.0.0 before the adoption onto it reaches it
        ledger.retired(de.efa.registry.kernel.service.ServiceId.of(service), de.efa.registry.kernel.service.ServiceVersion.parse("2.0.0"),
                java.time.LocalDate.of(2024, 1, 31), null);
        String ingolstadt = adopt(http, service, "09161000", "2.0.0");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(lastEventOf("de.efa.registry.kernel.adoption.AdoptionMarkedUnsupported", ingolstadt)).isNotNull());
        assertThat(muenchen).isNotNull();
    }

    @Autowired
    RetirementLedger ledger;

    private static String adopt(RegistryHttp http, String service, String ags, String version) {
        ResponseEntity<Map> adopted = http.post("admin", "/api/v1/adoptions",
                Map.of("serviceId", service, "ags", ags, "version", version, "effectiveFrom", "2023-01-01"));
        assertThat(adopted.getStatusCode()).as("%s", adopted.getBody()).isEqualTo(HttpStatus.CREATED);
        return (String) adopted.getBody().get("adoptionId");
    }
}
