package de.efa.registry.command.web;

import de.efa.registry.command.CommandSideApplication;
import de.efa.registry.command.support.RegistryHttp;
import de.efa.registry.eventstore.MongoEventStorageEngine;
import de.efa.registry.testsupport.RegistryTestProperties;
import org.junit.jupiter.api.BeforeEach;
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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write endpoint over HTTP, on a register loaded from the demo directory: the success answer with its
 * {@code Registry-Position}, and each refusal with its status and problem type.
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WriteApiHttpTest {

    private static final String PROBLEMS = "https://efa-registry.de/problems/";
    private static boolean directoryLoaded;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        RegistryTestProperties.register(registry);
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    MongoEventStorageEngine eventStore;

    RegistryHttp http;

    @BeforeEach
    void loadDirectory() throws Exception {
        http = new RegistryHttp(rest);
        if (!directoryLoaded) {
            byte[] fixture = new ClassPathResource("demo/gv100ad-demo.txt").getContentAsByteArray();
            assertThat(http.postText("admin", "/api/v1/admin/municipalities/import", fixture, MediaType.TEXT_PLAIN)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
            directoryLoaded = true;
        }
    }

    // ------------------------------------------------------------------ helpers

    private static void assertProblem(ResponseEntity<Map> answer, int status, String type) {
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody()).containsEntry("type", PROBLEMS + type).containsEntry("status", status);
    }

    private static long position(ResponseEntity<?> answer) {
        return Long.parseLong(answer.getHeaders().getFirst("Registry-Position"));
    }

    private String registerService(String user, String leika, String state, String reuse) {
        ResponseEntity<Map> created = http.post(user, "/api/v1/services",
                Map.of("leikaKey", leika, "name", "Dienst " + leika, "providingState", state, "reuse", reuse));
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        return (String) created.getBody().get("serviceId");
    }

    private void publish(String user, String serviceId, String version) {
        ResponseEntity<Map> published = http.post(user, "/api/v1/services/" + serviceId + "/versions",
                Map.of("version", version, "maturityLevel", 3, "releasedOn", "2022-01-01"));
        assertThat(published.getStatusCode()).as("%s", published.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    /** A cooperation in force: founded by {@code user}, signed by every other founding state's owner. */
    private String foundCooperation(String user, List<String> states) {
        ResponseEntity<Map> founded = http.post(user, "/api/v1/cooperations",
                Map.of("name", "Kooperation " + states, "foundingStates", states, "signedOn", "2021-03-01"));
        assertThat(founded.getStatusCode()).as("%s", founded.getBody()).isEqualTo(HttpStatus.CREATED);
        String id = (String) founded.getBody().get("cooperationId");
        for (String state : new java.util.LinkedHashSet<>(states)) {
            if ("PENDING".equals(founded.getBody().get("status")) && !OWNERS.get(state).equals(user)) {
                ResponseEntity<Map> signed = http.post(OWNERS.get(state), "/api/v1/cooperations/" + id + "/signatures",
                        Map.of("state", state, "signedOn", "2021-03-01"));
                assertThat(signed.getStatusCode()).as("%s", signed.getBody()).isEqualTo(HttpStatus.CREATED);
            }
        }
        return id;
    }

    private static final Map<String, String> OWNERS = Map.of("16", "thueringen", "09", "bayern", "03", "niedersachsen",
            "14", "sachsen");

    private static Map<String, Object> adoption(String serviceId, String ags) {
        Map<String, Object> body = new HashMap<>();
        body.put("serviceId", serviceId);
        body.put("ags", ags);
        body.put("effectiveFrom", "2023-07-01");
        return body;
    }

    // ------------------------------------------------------------------ services

    @Test
    void servicesAreRegisteredOncePerLeikaKeyAndState() {
        ResponseEntity<Map> created = http.post("thueringen", "/api/v1/services",
                Map.of("leikaKey", "99100000000001", "name", "Wohngeld", "providingState", "16", "reuse", "EFA"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(position(created)).isPositive();

        assertProblem(http.post("admin", "/api/v1/services",
                Map.of("leikaKey", "99100000000001", "name", "Wohngeld II", "providingState", "16", "reuse", "EFA")), 409, "conflict");
        // another state may provide a service for the same key
        assertThat(http.post("bayern", "/api/v1/services",
                Map.of("leikaKey", "99100000000001", "name", "Wohngeld", "providingState", "09", "reuse", "EFA"))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void serviceRegistrationRefusals() {
        Map<String, Object> valid = Map.of("leikaKey", "99100000000002", "name", "X", "providingState", "16", "reuse", "EFA");
        assertProblem(http.post(null, "/api/v1/services", valid), 401, "unauthenticated");
        assertProblem(http.post("bayern", "/api/v1/services", valid), 403, "forbidden");
        assertProblem(http.post("auditor", "/api/v1/services", valid), 403, "forbidden");
        assertProblem(http.post("analyst", "/api/v1/services", valid), 403, "forbidden");
        ResponseEntity<Map> invalid = http.post("thueringen", "/api/v1/services",
                Map.of("leikaKey", "99", "name", "", "providingState", "16", "reuse", "EFA"));
        assertProblem(invalid, 400, "invalid-input");
        assertThat(invalid.getBody().get("errors").toString()).contains("leikaKey");
        ResponseEntity<Map> blankName = http.post("thueringen", "/api/v1/services",
                Map.of("leikaKey", "99100000000002", "name", " ", "providingState", "16", "reuse", "EFA"));
        assertProblem(blankName, 400, "invalid-input");
        assertThat(blankName.getBody().get("errors").toString()).contains("name");
        assertProblem(http.postText("thueringen", "/api/v1/services", "leikaKey=1".getBytes(), MediaType.APPLICATION_FORM_URLENCODED),
                415, "unsupported-media-type");
    }

    @Test
    void versionsMoveThroughTheirLifecycle() {
        String id = registerService("bayern", "99100000000003", "09", "EFA");
        publish("bayern", id, "1.0.0");
        publish("bayern", id, "2.0.0");
        String versions = "/api/v1/services/" + id + "/versions";
        assertProblem(http.post("bayern", versions, Map.of("version", "2.0.0", "maturityLevel", 3, "releasedOn", "2022-01-01")), 409, "conflict");
        assertProblem(http.post("bayern", versions, Map.of("version", "1.5.0", "maturityLevel", 3, "releasedOn", "2022-01-01")), 422, "version-not-higher");
        assertProblem(http.post("bayern", versions, Map.of("version", "v3", "maturityLevel", 3, "releasedOn", "2022-01-01")), 400, "invalid-input");
        assertProblem(http.post("bayern", versions, Map.of("version", "3.0.0", "maturityLevel", 7, "releasedOn", "2022-01-01")), 400, "invalid-input");
        // a level belongs to a model: 7 exists in OZG-2.0 only; no model named means OZG-1.0
        ResponseEntity<Map> unknownModel = http.post("bayern", versions, Map.of("version", "3.0.0", "maturityLevel", 3,
                "maturityModel", "OZG-3.0", "releasedOn", "2022-01-01"));
        assertProblem(unknownModel, 400, "invalid-input");
        assertThat(unknownModel.getBody().toString()).contains("OZG-1.0, OZG-2.0");
        assertProblem(http.post("bayern", versions, Map.of("version", "3.0.0", "maturityLevel", 7, "maturityModel", "OZG-1.0",
                "releasedOn", "2022-01-01")), 400, "invalid-input");
        assertProblem(http.post("bayern", versions, Map.of("version", "3.0.0", "maturityLevel", 8, "maturityModel", "OZG-2.0",
                "releasedOn", "2022-01-01")), 400, "invalid-input");
        assertThat(http.post("bayern", versions, Map.of("version", "2.5.0", "maturityLevel", 7, "maturityModel", "OZG-2.0",
                "releasedOn", "2022-01-01")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertProblem(http.post("thueringen", versions, Map.of("version", "3.0.0", "maturityLevel", 3, "releasedOn", "2022-01-01")), 403, "forbidden");
        assertProblem(http.post("bayern", "/api/v1/services/" + java.util.UUID.randomUUID() + "/versions",
                Map.of("version", "3.0.0", "maturityLevel", 3, "releasedOn", "2022-01-01")), 404, "not-found");

        ResponseEntity<Map> deprecated = http.post("bayern", versions + "/1.0.0/deprecation", Map.of("sunsetOn", "2024-12-31", "successor", "2.0.0"));
        assertThat(deprecated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(position(deprecated)).isPositive();
        assertProblem(http.post("bayern", versions + "/1.0.0/retirement", Map.of("retiredOn", "2024-12-31", "successor", "0.1.0")), 422, "invalid-successor");
        assertProblem(http.post("bayern", versions + "/9.9.9/retirement", Map.of("retiredOn", "2024-12-31")), 404, "not-found");
        ResponseEntity<Map> retired = http.post("admin", versions + "/1.0.0/retirement", Map.of("retiredOn", "2024-12-31", "successor", "2.0.0"));
        assertThat(retired.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retired.getBody()).containsEntry("status", "RETIRED");
        assertProblem(http.post("bayern", versions + "/1.0.0/deprecation", Map.of("sunsetOn", "2024-12-31")), 422, "version-not-active");
    }

    @Test
    void ownersRecordTheOnlineStatusOfAVersionOnlyWhenItChanges() {
        String id = registerService("sachsen", "99100000000031", "14", "EFA");
        publish("sachsen", id, "1.0.0");
        String status = "/api/v1/services/" + id + "/versions/1.0.0/online-status";

        ResponseEntity<Map> first = http.post("sachsen", status, Map.of("status", "nicht ok", "detail", "HTTP 503"));
        assertThat(first.getStatusCode()).as("%s", first.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(position(first)).isPositive();
        assertThat(first.getBody()).containsEntry("onlineStatus", "nicht ok").containsEntry("recorded", true)
                .containsEntry("checkedBy", "owner").containsEntry("detail", "HTTP 503").containsKey("checkedAt");

        ResponseEntity<Map> again = http.post("admin", status, Map.of("status", "nicht ok"));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("recorded", false).containsEntry("onlineStatus", "nicht ok");
        assertThat(position(again)).isGreaterThanOrEqualTo(position(first));

        ResponseEntity<Map> back = http.post("sachsen", status, Map.of("status", "ok"));
        assertThat(back.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(position(back)).isGreaterThan(position(first));

        assertProblem(http.post(null, status, Map.of("status", "ok")), 401, "unauthenticated");
        assertProblem(http.post("bayern", status, Map.of("status", "ok")), 403, "forbidden");
        assertProblem(http.post("analyst", status, Map.of("status", "ok")), 403, "forbidden");
        assertProblem(http.post("sachsen", status, Map.of("status", "kaputt")), 400, "invalid-input");
        assertProblem(http.post("sachsen", status, Map.of("status", "ok", "detail", "x".repeat(501))), 400, "invalid-input");
        assertProblem(http.post("sachsen", status, Map.of()), 400, "invalid-input");
        assertProblem(http.post("sachsen", "/api/v1/services/" + id + "/versions/9.9.9/online-status",
                Map.of("status", "ok")), 404, "not-found");
        assertProblem(http.post("sachsen", "/api/v1/services/" + java.util.UUID.randomUUID() + "/versions/1.0.0/online-status",
                Map.of("status", "ok")), 404, "not-found");

        assertThat(http.post("sachsen", "/api/v1/services/" + id + "/versions/1.0.0/retirement",
                Map.of("retiredOn", "2024-12-31")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertProblem(http.post("sachsen", status, Map.of("status", "nicht ok")), 422, "version-retired");
    }

    // ------------------------------------------------------------------ cooperations

    @Test
    void cooperationsAreFoundedJoinedAndLeft() {
        assertProblem(http.post("sachsen", "/api/v1/cooperations",
                Map.of("name", "ohne Sachsen", "foundingStates", List.of("16", "09"), "signedOn", "2021-03-01")), 403, "forbidden");
        assertProblem(http.post("thueringen", "/api/v1/cooperations",
                Map.of("name", "allein", "foundingStates", List.of("16", "16"), "signedOn", "2021-03-01")), 422, "cooperation-needs-two-states");
        assertProblem(http.post("thueringen", "/api/v1/cooperations",
                Map.of("name", "x", "foundingStates", List.of("16", "17"), "signedOn", "2021-03-01")), 400, "invalid-input");

        String id = foundCooperation("thueringen", List.of("16", "09"));
        String members = "/api/v1/cooperations/" + id + "/members";
        assertProblem(http.post("thueringen", members, Map.of("state", "14", "joinedOn", "2022-01-01")), 403, "forbidden");
        ResponseEntity<Map> joined = http.post("sachsen", members, Map.of("state", "14", "joinedOn", "2022-01-01"));
        assertThat(joined.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(position(joined)).isPositive();
        assertProblem(http.post("admin", members, Map.of("state", "14", "joinedOn", "2022-02-01")), 409, "conflict");
        assertProblem(http.post("admin", "/api/v1/cooperations/" + java.util.UUID.randomUUID() + "/members",
                Map.of("state", "14", "joinedOn", "2022-02-01")), 404, "not-found");

        assertProblem(http.delete("bayern", members + "/14?leftOn=2023-01-01"), 403, "forbidden");
        assertProblem(http.delete("sachsen", members + "/14"), 400, "invalid-input");
        ResponseEntity<Map> left = http.delete("sachsen", members + "/14?leftOn=2023-01-01");
        assertThat(left.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(position(left)).isPositive();
        // a former member already left; a state that never joined is no member at all
        assertProblem(http.delete("sachsen", members + "/14?leftOn=2023-02-01"), 409, "conflict");
        assertProblem(http.delete("admin", members + "/03?leftOn=2023-02-01"), 404, "not-found");
    }

    @Test
    void aCooperationFoundedByOneStateWaitsForTheOthersSignatures() {
        // Lower Saxony and Saxony: no other test lets these two cooperate
        String kfz = registerService("niedersachsen", "99100000000091", "03", "EFA");
        publish("niedersachsen", kfz, "1.0.0");
        ResponseEntity<Map> founded = http.post("sachsen", "/api/v1/cooperations",
                Map.of("name", "SN-NI", "foundingStates", List.of("14", "03"), "signedOn", "2021-03-01"));
        assertThat(founded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(founded.getBody()).containsEntry("status", "PENDING").containsEntry("awaitingSignatures", List.of("03"));
        String signatures = "/api/v1/cooperations/" + founded.getBody().get("cooperationId") + "/signatures";
        String members = "/api/v1/cooperations/" + founded.getBody().get("cooperationId") + "/members";

        // Lower Saxony has not signed: Saxony's municipalities may not adopt its services, nobody joins
        assertProblem(http.post("sachsen", "/api/v1/adoptions", adoption(kfz, "14612000")), 422,
                "cross-border-not-permitted");
        assertProblem(http.post("thueringen", members, Map.of("state", "16", "joinedOn", "2022-01-01")), 422,
                "cooperation-pending");
        // only Lower Saxony's owner (or ADMIN) signs for it; only founders sign; not before the proposal, not in year 0
        assertProblem(http.post("sachsen", signatures, Map.of("state", "03", "signedOn", "2022-06-01")), 403, "forbidden");
        assertProblem(http.post("thueringen", signatures, Map.of("state", "16", "signedOn", "2022-06-01")), 422,
                "not-a-founding-state");
        assertProblem(http.post("niedersachsen", signatures, Map.of("state", "03", "signedOn", "2021-02-01")), 422,
                "date-before-signing");
        assertProblem(http.post("niedersachsen", signatures, Map.of("state", "03", "signedOn", "0000-01-01")), 422,
                "date-out-of-range");

        ResponseEntity<Map> signed = http.post("niedersachsen", signatures, Map.of("state", "03", "signedOn", "2022-06-01"));
        assertThat(signed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(signed.getBody()).containsEntry("status", "ACTIVE").containsEntry("state", "03");
        assertThat(position(signed)).isPositive();
        assertProblem(http.post("niedersachsen", signatures, Map.of("state", "03", "signedOn", "2022-06-02")), 409, "conflict");

        // in force from the last signature's day: not the day before, from that day on
        Map<String, Object> early = adoption(kfz, "14612000");
        early.put("effectiveFrom", "2022-05-31");
        assertProblem(http.post("sachsen", "/api/v1/adoptions", early), 422, "cross-border-not-permitted");
        Map<String, Object> onTheDay = adoption(kfz, "14612000");
        onTheDay.put("effectiveFrom", "2022-06-01");
        assertThat(http.post("sachsen", "/api/v1/adoptions", onTheDay).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void anAdminRecordsACooperationEveryFounderSigned() {
        ResponseEntity<Map> founded = http.post("admin", "/api/v1/cooperations",
                Map.of("name", "SH-HH", "foundingStates", List.of("01", "02"), "signedOn", "2021-03-01"));
        assertThat(founded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(founded.getBody()).containsEntry("status", "ACTIVE").containsEntry("awaitingSignatures", List.of());
        assertProblem(http.post("admin", "/api/v1/cooperations",
                Map.of("name", "zu früh", "foundingStates", List.of("01", "02"), "signedOn", "2017-08-13")), 422,
                "date-out-of-range");
    }

    // ------------------------------------------------------------------ adoptions

    @Test
    void adoptionsFollowTheRules() {
        String wohngeld = registerService("thueringen", "99100000000004", "16", "EFA");
        assertProblem(http.post("thueringen", "/api/v1/adoptions", adoption(wohngeld, "16051000")), 422, "version-not-active");
        publish("thueringen", wohngeld, "1.0.0");

        ResponseEntity<Map> adopted = http.post("thueringen", "/api/v1/adoptions", adoption(wohngeld, "16051000"));
        assertThat(adopted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(adopted.getBody()).containsEntry("version", "1.0.0").containsKey("adoptionId");
        assertThat(position(adopted)).isPositive();
        String adoptionId = (String) adopted.getBody().get("adoptionId");

        assertProblem(http.post("thueringen", "/api/v1/adoptions", adoption(wohngeld, "16051000")), 409, "conflict");
        assertProblem(http.post("thueringen", "/api/v1/adoptions", adoption(wohngeld, "16099999")), 404, "not-found");
        assertProblem(http.post("thueringen", "/api/v1/adoptions", adoption(java.util.UUID.randomUUID().toString(), "16053000")), 404, "not-found");
        assertProblem(http.post("thueringen", "/api/v1/adoptions", adoption(wohngeld, "09162000")), 403, "forbidden");
        assertProblem(http.post("bayern", "/api/v1/adoptions", adoption(wohngeld, "09162000")), 422, "cross-border-not-permitted");
        ResponseEntity<Map> invalid = http.post("thueringen", "/api/v1/adoptions", adoption(wohngeld, "1605"));
        assertProblem(invalid, 400, "invalid-input");
        assertThat(invalid.getBody().get("errors").toString()).contains("ags");

        foundCooperation("bayern", List.of("16", "09"));
        ResponseEntity<Map> crossBorder = http.post("bayern", "/api/v1/adoptions", adoption(wohngeld, "09162000"));
        assertThat(crossBorder.getStatusCode()).as("%s", crossBorder.getBody()).isEqualTo(HttpStatus.CREATED);

        publish("thueringen", wohngeld, "1.1.0");
        String switchPath = "/api/v1/adoptions/" + adoptionId + "/version-switch";
        assertProblem(http.post("bayern", switchPath, Map.of("version", "1.1.0", "effectiveFrom", "2023-08-01")), 403, "forbidden");
        assertProblem(http.post("thueringen", "/api/v1/adoptions/" + java.util.UUID.randomUUID() + "/version-switch",
                Map.of("version", "1.1.0", "effectiveFrom", "2023-08-01")), 404, "not-found");
        ResponseEntity<Map> switched = http.post("thueringen", switchPath, Map.of("version", "1.1.0", "effectiveFrom", "2023-08-01"));
        assertThat(switched.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(position(switched)).isGreaterThan(position(adopted));

        String termination = "/api/v1/adoptions/" + adoptionId + "/termination";
        assertProblem(http.post("thueringen", termination, Map.of("endsOn", "2020-01-01")), 422, "date-before-adoption");
        assertThat(http.post("thueringen", termination, Map.of("endsOn", "2024-12-31")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertProblem(http.post("thueringen", termination, Map.of("endsOn", "2024-12-31")), 422, "adoption-ended");
    }

    @Test
    void bulkAdoptionReportsEveryMunicipality() {
        String service = registerService("thueringen", "99100000000005", "16", "EFA");
        publish("thueringen", service, "1.0.0");
        ResponseEntity<Map> first = http.post("thueringen", "/api/v1/adoptions",
                adoption(service, "16072018"));
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        Map<String, Object> byDistrict = new HashMap<>(Map.of("serviceId", service, "effectiveFrom", "2023-07-01", "district", "16072"));
        ResponseEntity<Map> district = http.post("thueringen", "/api/v1/adoptions/bulk", byDistrict);
        assertThat(district.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(district.getBody()).containsEntry("accepted", 7);
        assertThat((List<Map<String, Object>>) district.getBody().get("rejected")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("ags", "16072018").containsEntry("status", 409));
        assertThat(position(district)).isGreaterThan(position(first));

        Map<String, Object> byList = new HashMap<>(Map.of("serviceId", service, "effectiveFrom", "2023-07-01",
                "ags", List.of("16051000", "09162000", "16099999")));
        ResponseEntity<Map> list = http.post("thueringen", "/api/v1/adoptions/bulk", byList);
        assertThat(list.getBody()).containsEntry("accepted", 1);
        assertThat(list.getBody().get("rejected").toString()).contains("09162000").contains("403").contains("16099999").contains("404");

        Map<String, Object> byState = new HashMap<>(Map.of("serviceId", service, "effectiveFrom", "2023-07-01", "state", "16"));
        ResponseEntity<Map> state = http.post("admin", "/api/v1/adoptions/bulk", byState);
        assertThat(state.getBody()).containsEntry("accepted", 2); // Jena and Weimar are left

        assertProblem(http.post("bayern", "/api/v1/adoptions/bulk", byState), 403, "forbidden");
        byState.put("district", "16072");
        assertProblem(http.post("admin", "/api/v1/adoptions/bulk", byState), 400, "invalid-input");
        assertProblem(http.post("admin", "/api/v1/adoptions/bulk", Map.of("serviceId", java.util.UUID.randomUUID().toString(),
                "effectiveFrom", "2023-07-01", "state", "16")), 404, "not-found");
    }

    // ------------------------------------------------------------------ idempotency and limits

    @Test
    void aRepeatedRequestReplaysTheFirstAnswerAndStoresNothing() {
        Map<String, Object> body = Map.of("leikaKey", "99100000000006", "name", "Ummeldung", "providingState", "09", "reuse", "EFA");
        ResponseEntity<Map> first = http.post("bayern", "/api/v1/services", body, "key-1");
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long head = eventStore.headPosition();

        ResponseEntity<Map> repeat = http.post("bayern", "/api/v1/services", body, "key-1");
        assertThat(repeat.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(repeat.getBody()).isEqualTo(first.getBody());
        assertThat(repeat.getHeaders().getFirst("Registry-Position")).isEqualTo(first.getHeaders().getFirst("Registry-Position"));
        assertThat(eventStore.headPosition()).isEqualTo(head);

        assertProblem(http.post("bayern", "/api/v1/services", Map.of("leikaKey", "99100000000007", "name", "Other",
                "providingState", "09", "reuse", "EFA"), "key-1"), 422, "idempotency-key-reused");
        // keys belong to their principal
        assertThat(http.post("admin", "/api/v1/services", Map.of("leikaKey", "99100000000008", "name", "Other",
                "providingState", "09", "reuse", "EFA"), "key-1").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void bodiesAreLimited() {
        byte[] large = new byte[(1 << 20) + 10];
        java.util.Arrays.fill(large, (byte) ' ');
        assertProblem(http.postText("thueringen", "/api/v1/services", large, MediaType.APPLICATION_JSON), 413, "payload-too-large");
    }
}
