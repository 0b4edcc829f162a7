package de.efa.registry.standalone;

import de.efa.registry.testsupport.RegistryTestProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The first vertical slice over HTTP: register a service, read it back from the query side. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceRegistrationHttpTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        RegistryTestProperties.register(registry);
    }

    @Autowired
    TestRestTemplate http;

    @Test
    void aRegisteredServiceReadsBackWithTheWritePosition() {
        ResponseEntity<Map> created = http.withBasicAuth("thueringen", "demo").postForEntity("/api/v1/services",
                json(Map.of("leikaKey", "99123456789012", "name", "Wohngeld", "providingState", "16", "reuse", "EFA")),
                Map.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String position = created.getHeaders().getFirst("Registry-Position");
        assertThat(Long.parseLong(position)).isPositive();
        String serviceId = (String) created.getBody().get("serviceId");

        HttpHeaders headers = new HttpHeaders();
        headers.set("Registry-Min-Position", position);
        ResponseEntity<Map> read = http.withBasicAuth("analyst", "demo")
                .exchange("/api/v1/services/" + serviceId, HttpMethod.GET, new HttpEntity<>(headers), Map.class);

        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody()).containsEntry("serviceId", serviceId).containsEntry("name", "Wohngeld")
                .containsEntry("providingState", "16").containsEntry("reuse", "EFA");
    }

    @Test
    void withoutAMinimumPositionTheReadEventuallySeesTheService() {
        ResponseEntity<Map> created = http.withBasicAuth("bayern", "demo").postForEntity("/api/v1/services",
                json(Map.of("leikaKey", "99123456789099", "name", "Hundesteuer", "providingState", "09", "reuse", "STATE_ONLY")),
                Map.class);
        String serviceId = (String) created.getBody().get("serviceId");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                http.withBasicAuth("auditor", "demo").getForEntity("/api/v1/services/" + serviceId, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.OK));
    }

    @Test
    void anOwnerMayNotRegisterForAnotherState() {
        ResponseEntity<Map> refused = http.withBasicAuth("bayern", "demo").postForEntity("/api/v1/services",
                json(Map.of("leikaKey", "99123456789012", "name", "Wohngeld", "providingState", "16", "reuse", "EFA")),
                Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void invalidFieldsAreNamedInTheProblem() {
        ResponseEntity<Map> refused = http.withBasicAuth("thueringen", "demo").postForEntity("/api/v1/services",
                json(Map.of("leikaKey", "12", "name", "x", "providingState", "16", "reuse", "EFA")), Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).containsKey("errors");
        assertThat(refused.getBody().get("errors").toString()).contains("leikaKey");
    }

    @Test
    void catalogueFactsComeWithTheRegistrationAndAPutReplacesThem() {
        ResponseEntity<Map> created = http.withBasicAuth("thueringen", "demo").postForEntity("/api/v1/services",
                json(Map.of("leikaKey", "99123456789077", "name", "Wohngeld", "providingState", "16", "reuse", "EFA",
                        "ozgId", 10214, "ozgName", "Wohngeld", "leikaName", "Wohngeld Bewilligung", "typisierung", 4)),
                Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String serviceId = (String) created.getBody().get("serviceId");
        assertThat(read(serviceId, created)).containsEntry("ozgId", 10214).containsEntry("ozgName", "Wohngeld")
                .containsEntry("leikaName", "Wohngeld Bewilligung").containsEntry("typisierung", 4)
                .containsEntry("evaluated", true);

        ResponseEntity<Map> replaced = http.withBasicAuth("thueringen", "demo").exchange("/api/v1/services/" + serviceId,
                HttpMethod.PUT, json(Map.of("ozgId", 10214, "evaluated", false)), Map.class);
        assertThat(replaced.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(replaced.getBody()).containsEntry("ozgId", 10214).containsEntry("evaluated", false)
                .containsEntry("ozgName", null);
        assertThat(read(serviceId, replaced)).containsEntry("ozgId", 10214).containsEntry("ozgName", null)
                .containsEntry("leikaName", null).containsEntry("typisierung", null).containsEntry("evaluated", false)
                .containsEntry("name", "Wohngeld");
    }

    @Test
    void catalogueFactsOutOfRangeOrFromAnotherStateChangeNothing() {
        ResponseEntity<Map> created = http.withBasicAuth("thueringen", "demo").postForEntity("/api/v1/services",
                json(Map.of("leikaKey", "99123456789078", "name", "Elterngeld", "providingState", "16", "reuse", "EFA",
                        "typisierung", 2)), Map.class);
        String serviceId = (String) created.getBody().get("serviceId");

        ResponseEntity<Map> outOfRange = http.withBasicAuth("thueringen", "demo").exchange("/api/v1/services/" + serviceId,
                HttpMethod.PUT, json(Map.of("typisierung", 11, "ozgId", 0)), Map.class);
        assertThat(outOfRange.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(outOfRange.getBody().get("errors").toString()).contains("typisierung").contains("ozgId");
        ResponseEntity<Map> otherState = http.withBasicAuth("bayern", "demo").exchange("/api/v1/services/" + serviceId,
                HttpMethod.PUT, json(Map.of("typisierung", 3)), Map.class);
        assertThat(otherState.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> analyst = http.withBasicAuth("analyst", "demo").exchange("/api/v1/services/" + serviceId,
                HttpMethod.PUT, json(Map.of("typisierung", 3)), Map.class);
        assertThat(analyst.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> unknown = http.withBasicAuth("thueringen", "demo").exchange("/api/v1/services/"
                + java.util.UUID.randomUUID(), HttpMethod.PUT, json(Map.of("typisierung", 3)), Map.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(read(serviceId, created)).containsEntry("typisierung", 2);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(String serviceId, ResponseEntity<?> after) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Registry-Min-Position", after.getHeaders().getFirst("Registry-Position"));
        return http.withBasicAuth("analyst", "demo").exchange("/api/v1/services/" + serviceId, HttpMethod.GET,
                new HttpEntity<>(headers), Map.class).getBody();
    }

    @Test
    void wrongPasswordAndUnknownUserLookTheSame() {
        ResponseEntity<String> wrongPassword = http.withBasicAuth("admin", "nope").getForEntity("/api/v1/services/x", String.class);
        ResponseEntity<String> unknownUser = http.withBasicAuth("nobody", "nope").getForEntity("/api/v1/services/x", String.class);

        assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(unknownUser.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // the same words; only the id of each request differs
        assertThat(withoutRequestId(wrongPassword.getBody())).isEqualTo(withoutRequestId(unknownUser.getBody()));
    }

    private static String withoutRequestId(String problem) {
        return problem.replaceAll(",\"requestId\":\"[^\"]*\"", "");
    }

    private static HttpEntity<Map<String, Object>> json(Map<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
