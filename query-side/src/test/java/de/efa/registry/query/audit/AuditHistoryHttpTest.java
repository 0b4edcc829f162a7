package de.efa.registry.query.audit;

import de.efa.registry.kernel.cooperation.CooperationId;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.testsupport.RegistryTestProperties;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import de.efa.registry.query.QuerySideApplication;

import static de.efa.registry.query.audit.AuditFixtures.append;
import static de.efa.registry.query.audit.AuditFixtures.basic;
import static de.efa.registry.query.audit.AuditFixtures.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The auditor's reading of the history over HTTP: pages, filters, aggregate history, export, register as of. */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditHistoryHttpTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        RegistryTestProperties.register(registry);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStore eventStore;

    final ServiceId wohngeld = ServiceId.random();
    final ServiceId hundesteuer = ServiceId.random();
    final CooperationId cooperation = CooperationId.random();

    @BeforeAll
    void history() {
        AuditFixtures.service(eventStore, wohngeld, "Wohngeld", T0);
        AuditFixtures.service(eventStore, hundesteuer, "Hundesteuer", T0.plus(Duration.ofDays(10)));
        append(eventStore, "Cooperation", cooperation.value(), 0,
                AuditFixtures.founded(cooperation, "Nord-Ost", "16", "09"), T0.plus(Duration.ofDays(20)), "admin");
        append(eventStore, "Municipality", "16051000", 0, AuditFixtures.adopted("16051000", wohngeld, "1.1.0"),
                T0.plus(Duration.ofDays(30)), "thueringen");
    }

    @Test
    void everyEventShowsPayloadProvenanceAndItsPlaceInTheChain() {
        Map<String, Object> page = get("auditor", "/api/v1/audit/events?limit=1000").getBody();

        List<Map<String, Object>> events = events(page);
        assertThat(events).hasSize(10);
        assertThat(page).containsEntry("next", null);
        assertThat(events).extracting(e -> ((Number) e.get("position")).longValue()).isSorted();
        Map<String, Object> first = events.get(0);
        assertThat(first).containsEntry("aggregateType", "OnlineService").containsEntry("aggregateId", wohngeld.value())
                .containsEntry("sequence", 0).containsEntry("type", "ServiceRegistered")
                .containsEntry("timestamp", "2024-03-01T10:00:00Z");
        assertThat((Map<String, Object>) first.get("payload")).containsEntry("name", "Wohngeld").containsEntry("providingState", "16");
        Map<String, Object> metadata = (Map<String, Object>) first.get("metadata");
        assertThat(metadata).containsEntry("principal", "thueringen").containsEntry("correlationId", "corr-" + wohngeld)
                .containsEntry("causationId", "cause-" + wohngeld + "-0").containsEntry("previousHash", "");
        assertThat((String) metadata.get("hash")).hasSize(64);
        Map<String, Object> second = (Map<String, Object>) events.get(1).get("metadata");
        assertThat(second.get("previousHash")).isEqualTo(metadata.get("hash"));
        assertThat(events.get(1)).containsEntry("type", "VersionPublished").containsEntry("revision", "2");
        // caused by a process: the system principal
        assertThat((Map<String, Object>) events.get(3).get("metadata")).containsEntry("principal", "system");
    }

    @Test
    void pagesFollowNextUntilTheEnd() {
        Map<String, Object> first = get("admin", "/api/v1/audit/events?limit=4").getBody();
        assertThat(events(first)).hasSize(4);
        long next = ((Number) first.get("next")).longValue();
        assertThat(next).isEqualTo(((Number) events(first).get(3).get("position")).longValue());

        Map<String, Object> second = get("admin", "/api/v1/audit/events?limit=4&after=" + next).getBody();
        assertThat(events(second)).hasSize(4);
        assertThat(((Number) events(second).get(0).get("position")).longValue()).isGreaterThan(next);
        Map<String, Object> third = get("admin", "/api/v1/audit/events?limit=4&after=" + second.get("next")).getBody();
        assertThat(events(third)).hasSize(2);
        assertThat(third.get("next")).isNull();
    }

    @Test
    void filtersByAggregateTypeAndTime() {
        assertThat(events(get("auditor", "/api/v1/audit/events?aggregateId=" + hundesteuer).getBody()))
                .hasSize(4).allSatisfy(e -> assertThat(e).containsEntry("aggregateId", hundesteuer.value()));
        assertThat(events(get("auditor", "/api/v1/audit/events?aggregateId=" + hundesteuer + "&limit=3").getBody()))
                .hasSize(3);
        assertThat(events(get("auditor", "/api/v1/audit/events?type=VersionPublished").getBody())).hasSize(4);
        assertThat(events(get("auditor", "/api/v1/audit/events?type=de.efa.registry.kernel.service.VersionPublished").getBody()))
                .hasSize(4);
        assertThat(events(get("auditor", "/api/v1/audit/events?from=2024-03-11T10:00:00Z&to=2024-03-21T10:00:00Z").getBody()))
                .extracting(e -> e.get("aggregateId"))
                .containsExactly(hundesteuer.value(), hundesteuer.value(), hundesteuer.value(), hundesteuer.value(), cooperation.value());
        assertThat(events(get("auditor", "/api/v1/audit/events?type=ServiceRegistered&from=2024-03-05").getBody()))
                .singleElement().satisfies(e -> assertThat(e).containsEntry("aggregateId", hundesteuer.value()));
    }

    @Test
    void invalidParametersAreProblems() {
        for (String query : List.of("limit=0", "limit=1001", "limit=x", "after=-1", "from=yesterday",
                "from=2024-05-01&to=2024-04-01")) {
            ResponseEntity<Map<String, Object>> refused = get("auditor", "/api/v1/audit/events?" + query);
            assertThat(refused.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getHeaders().getContentType()).as(query).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(get("auditor", "/api/v1/audit/register?asOf=soon").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void anAggregatesHistoryInSequenceOrder() {
        List<Map<String, Object>> history = events(get("auditor", "/api/v1/audit/aggregates/" + wohngeld + "/history").getBody());

        assertThat(history).extracting(e -> e.get("type"))
                .containsExactly("ServiceRegistered", "VersionPublished", "VersionPublished", "VersionDeprecated");
        assertThat(history).extracting(e -> e.get("sequence")).containsExactly(0, 1, 2, 3);

        ResponseEntity<Map<String, Object>> unknown = get("auditor", "/api/v1/audit/aggregates/nothing-here/history");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theExportIsOneJsonLinePerEvent() {
        ResponseEntity<String> export = http.exchange("/api/v1/audit/events/export", HttpMethod.GET,
                new HttpEntity<>(basic("auditor")), String.class);

        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(export.getHeaders().getContentType().toString()).startsWith("application/x-ndjson");
        String[] lines = export.getBody().split("\n");
        assertThat(lines).hasSize(10);
        assertThat(lines[0]).startsWith("{\"position\":").contains("\"type\":\"ServiceRegistered\"", "\"metadata\":{\"principal\"");

        ResponseEntity<String> window = http.exchange("/api/v1/audit/events/export?from=2024-03-25&to=2024-04-30",
                HttpMethod.GET, new HttpEntity<>(basic("admin")), String.class);
        assertThat(window.getBody().split("\n")).hasSize(1);
    }

    @Test
    void theRegisterAsOfAnInstantFoldsOnlyWhatWasRecordedByThen() {
        Map<String, Object> early = get("auditor", "/api/v1/audit/register?asOf=2024-03-01T10:00:01Z").getBody();
        List<Map<String, Object>> services = (List<Map<String, Object>>) early.get("services");
        assertThat(early).containsEntry("asOf", "2024-03-01T10:00:01Z");
        assertThat(services).singleElement().satisfies(s -> {
            assertThat(s).containsEntry("serviceId", wohngeld.value()).containsEntry("name", "Wohngeld")
                    .containsEntry("providingState", "16").containsEntry("activeAdoptions", 0);
            assertThat(s.get("versions")).isEqualTo(List.of(Map.of("version", "1.0.0", "status", "ACTIVE")));
        });
        assertThat((List<?>) early.get("cooperations")).isEmpty();

        Map<String, Object> later = get("auditor", "/api/v1/audit/register?asOf=2024-04-15T00:00:00Z").getBody();
        Map<String, Object> wohngeldLater = ((List<Map<String, Object>>) later.get("services")).get(0);
        assertThat(wohngeldLater.get("versions")).isEqualTo(List.of(Map.of("version", "1.0.0", "status", "DEPRECATED"),
                Map.of("version", "1.1.0", "status", "ACTIVE")));
        assertThat(wohngeldLater).containsEntry("activeAdoptions", 1);
        assertThat((List<Map<String, Object>>) later.get("cooperations")).singleElement().satisfies(c -> {
            assertThat(c).containsEntry("cooperationId", cooperation.value()).containsEntry("name", "Nord-Ost");
            assertThat((List<Map<String, Object>>) c.get("members")).extracting(m -> m.get("state")).containsExactly("16", "09");
        });
    }

    /** "Now" rebuilt from the history agrees with the live projection of the first slice, service by service. */
    @Test
    void theRegisterNowAgreesWithTheLiveProjection() {
        List<Map<String, Object>> now = (List<Map<String, Object>>) get("auditor", "/api/v1/audit/register").getBody().get("services");
        assertThat(now).hasSize(2);
        for (Map<String, Object> service : now) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                ResponseEntity<Map<String, Object>> live = get("auditor", "/api/v1/services/" + service.get("serviceId"));
                assertThat(live.getStatusCode()).isEqualTo(HttpStatus.OK);
                assertThat(live.getBody()).containsEntry("name", service.get("name"))
                        .containsEntry("providingState", service.get("providingState"));
            });
        }
    }

    @Test
    void onlyAuditorsAndAdminsMayRead() {
        List<String> endpoints = List.of("/api/v1/audit/events", "/api/v1/audit/events/export",
                "/api/v1/audit/aggregates/" + wohngeld + "/history", "/api/v1/audit/integrity", "/api/v1/audit/register");
        for (String endpoint : endpoints) {
            assertThat(http.exchange(endpoint, HttpMethod.GET, HttpEntity.EMPTY, String.class).getStatusCode())
                    .as("anonymous " + endpoint).isEqualTo(HttpStatus.UNAUTHORIZED);
            for (String refused : List.of("thueringen", "analyst")) {
                ResponseEntity<String> answer = http.exchange(endpoint, HttpMethod.GET, new HttpEntity<>(basic(refused)), String.class);
                assertThat(answer.getStatusCode()).as(refused + " " + endpoint).isEqualTo(HttpStatus.FORBIDDEN);
            }
            for (String allowed : List.of("auditor", "admin")) {
                assertThat(http.exchange(endpoint, HttpMethod.GET, new HttpEntity<>(basic(allowed)), String.class).getStatusCode())
                        .as(allowed + " " + endpoint).isEqualTo(HttpStatus.OK);
            }
            // and nobody changes anything through the audit API
            assertThat(http.exchange(endpoint, HttpMethod.POST, new HttpEntity<>("{}", basic("auditor")), String.class)
                    .getStatusCode().is4xxClientError()).as("POST " + endpoint).isTrue();
        }
    }

    private ResponseEntity<Map<String, Object>> get(String user, String path) {
        HttpHeaders headers = basic(user);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JSON);
    }
}
