package de.efa.registry.query.audit;

import com.mongodb.client.MongoDatabase;
import de.efa.registry.eventstore.EventDocument;
import de.efa.registry.eventstore.EventStoreCollections;
import de.efa.registry.eventstore.HashChain;
import de.efa.registry.eventstore.PositionAllocator;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.VersionPublished;
import de.efa.registry.query.QuerySideApplication;
import de.efa.registry.testsupport.RegistryTestProperties;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A {@code VersionPublished} stored at revision 1 (before {@code maturityModel} existed), written straight into
 * MongoDB as an old release would have, reads as revision 2 through every path: aggregate load, a projection, the
 * audit API and the export. The stored document itself stays untouched, so its hash still holds.
 */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(OldRevisionUpcastingHttpTest.Probe.class)
class OldRevisionUpcastingHttpTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        RegistryTestProperties.register(registry);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStore eventStore;
    @Autowired
    MongoDatabase registryDatabase;
    @Autowired
    PublishedVersions projection;

    @Test
    void anOldRevisionReadsAsTheCurrentOneEverywhere() throws Exception {
        ServiceId service = ServiceId.random();
        Instant at = Instant.parse("2021-06-01T08:00:00Z");
        AuditFixtures.append(eventStore, AuditFixtures.SERVICE, service.value(), 0,
                AuditFixtures.registered(service, "Elterngeld", "16"), at, "thueringen");
        storeRevisionOne(service, at.plusSeconds(60));

        // aggregate load
        List<? extends DomainEventMessage<?>> loaded = eventStore.readEvents(service.value()).asStream().toList();
        assertThat(loaded).hasSize(2);
        assertThat(((VersionPublished) loaded.get(1).getPayload()).maturityModel()).isEqualTo("OZG-1.0");
        assertThat(((VersionPublished) loaded.get(1).getPayload()).maturityLevel().level()).isEqualTo(2);

        // a projection
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(projection.seen).contains(service + " 1.0.0 OZG-1.0"));

        // the audit API
        Map<String, Object> published = AuditFixtures.events(get("/api/v1/audit/events?type=VersionPublished&aggregateId=" + service))
                .get(0);
        assertThat(published).containsEntry("revision", "2");
        assertThat((Map<String, Object>) published.get("payload")).containsEntry("maturityModel", "OZG-1.0")
                .containsEntry("maturityLevel", 2);
        assertThat(AuditFixtures.events(get("/api/v1/audit/aggregates/" + service + "/history")).get(1).get("payload"))
                .isEqualTo(published.get("payload"));

        // the export
        String export = http.exchange("/api/v1/audit/events/export", HttpMethod.GET,
                new HttpEntity<>(AuditFixtures.basic("auditor")), String.class).getBody();
        assertThat(export.lines().filter(line -> line.contains("\"type\":\"VersionPublished\"")))
                .singleElement().satisfies(line -> assertThat(line).contains("\"maturityModel\":\"OZG-1.0\"", "\"revision\":\"2\""));

        // stored as it was: the chain over the old revision still holds, in the registry and in the export
        assertThat(get("/api/v1/audit/integrity")).containsEntry("ok", true);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("registry-events", ".ndjson");
        java.io.ByteArrayOutputStream report = new java.io.ByteArrayOutputStream();
        try {
            java.nio.file.Files.writeString(file, export);
            assertThat(de.efa.registry.eventstore.verify.ExportVerifier.verify(file, new java.io.PrintStream(report, true)))
                    .as(report.toString()).isEqualTo(de.efa.registry.eventstore.verify.ExportVerifier.INTACT);
        } finally {
            java.nio.file.Files.delete(file);
        }
        assertThat(report.toString()).contains("(chain revision 1: 1, revision 2: 1)");
        assertThat(registryDatabase.getCollection(EventStoreCollections.EVENTS)
                .find(new Document(EventDocument.STREAM_KEY, service + "/1")).first().get(EventDocument.PAYLOAD, Document.class))
                .doesNotContainKey("maturityModel");
    }

    /** What release 1 wrote: no revision, no maturity model; position, chain and head as the engine keeps them. */
    private void storeRevisionOne(ServiceId service, Instant at) {
        var events = registryDatabase.getCollection(EventStoreCollections.EVENTS);
        String previousHash = events.find(new Document(EventDocument.STREAM_KEY, service + "/0")).first().getString(EventDocument.HASH);
        long position = new PositionAllocator(registryDatabase.getCollection(EventStoreCollections.COUNTERS)).allocate(1);
        Document payload = new Document("serviceId", service.value()).append("version", "1.0.0")
                .append("maturityLevel", 2).append("releasedOn", "2021-06-01").append("url", null);
        String type = VersionPublished.class.getName();
        events.insertOne(new Document(EventDocument.POSITION, position)
                .append(EventDocument.AGGREGATE_TYPE, AuditFixtures.SERVICE)
                .append(EventDocument.AGGREGATE_ID, service.value())
                .append(EventDocument.SEQUENCE, 1L)
                .append(EventDocument.STREAM_KEY, service + "/1")
                .append(EventDocument.EVENT_ID, UUID.randomUUID().toString())
                .append(EventDocument.PAYLOAD_TYPE, type)
                .append(EventDocument.PAYLOAD_REVISION, null)
                .append(EventDocument.TIMESTAMP, Date.from(at))
                .append(EventDocument.PAYLOAD, payload)
                .append(EventDocument.META_DATA, new Document("principal", "thueringen"))
                .append(EventDocument.HASH, HashChain.hash(previousHash, service.value(), 1, type, payload, at))
                .append(EventDocument.PREVIOUS_HASH, previousHash));
    }

    private Map<String, Object> get(String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(AuditFixtures.basic("auditor")), JSON).getBody();
    }

    @TestConfiguration
    static class Probe {
        @Bean
        PublishedVersions publishedVersions() {
            return new PublishedVersions();
        }
    }

    /** A projection as small as can be: what it was handed, in the words of the current revision. */
    @ProcessingGroup("upcasting-probe")
    static class PublishedVersions {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(VersionPublished event) {
            seen.add(event.serviceId() + " " + event.version() + " " + event.maturityModel());
        }
    }
}
