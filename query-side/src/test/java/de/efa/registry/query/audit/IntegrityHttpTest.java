package de.efa.registry.query.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.efa.registry.eventstore.AggregateHeads;
import de.efa.registry.eventstore.EventDocument;
import de.efa.registry.eventstore.EventStoreCollections;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.query.QuerySideApplication;
import de.efa.registry.testsupport.RegistryTestProperties;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tampering with the stored events directly in MongoDB — as someone with database access could — is reported by the
 * integrity check, each with its own reason. Every test tampers with its own service only.
 */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntegrityHttpTest {

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

    @Test
    @Order(1)
    void anUntouchedStoreIsIntact() {
        ServiceId service = serviceWithHistory();

        Map<String, Object> report = integrity();

        assertThat(report).containsEntry("ok", true).containsEntry("violations", List.of());
        assertThat(((Number) report.get("eventsChecked")).longValue()).isEqualTo(4);
        assertThat(((Number) report.get("aggregatesChecked")).longValue()).isEqualTo(1);
        assertThat(violationsOf(service)).isEmpty();
    }

    @Test
    void aChangedPayloadIsReported() {
        ServiceId service = serviceWithHistory();
        events().updateOne(new Document(EventDocument.STREAM_KEY, service + "/1"),
                new Document("$set", new Document("payload.version", "9.9.9")));

        assertThat(integrity()).containsEntry("ok", false);
        assertThat(violationsOf(service)).singleElement().satisfies(v -> {
            assertThat(v).containsEntry("sequence", 1);
            assertThat((String) v.get("reason")).startsWith("content altered");
        });
    }

    @Test
    void anEventRemovedFromTheMiddleIsReported() {
        ServiceId service = serviceWithHistory();
        events().deleteOne(new Document(EventDocument.STREAM_KEY, service + "/2"));

        assertThat(violationsOf(service)).singleElement().satisfies(v -> {
            assertThat(v).containsEntry("sequence", 2);
            assertThat((String) v.get("reason")).startsWith("event removed");
        });
    }

    /** The chain of what remains is flawless: only the aggregate head knows the stream used to be longer. */
    @Test
    void theLastEventRemovedIsReported() {
        ServiceId service = serviceWithHistory();
        events().deleteOne(new Document(EventDocument.STREAM_KEY, service + "/3"));

        assertThat(violationsOf(service)).singleElement().satisfies(v -> {
            assertThat(v).containsEntry("sequence", 3);
            assertThat((String) v.get("reason")).startsWith("last event(s) removed").contains("head records sequence 3");
        });
    }

    @Test
    void allEventsOfAnAggregateRemovedIsReported() {
        ServiceId service = serviceWithHistory();
        events().deleteMany(new Document(EventDocument.AGGREGATE_ID, service.value()));

        assertThat(violationsOf(service)).singleElement().satisfies(v ->
                assertThat((String) v.get("reason")).startsWith("all events removed"));
    }

    @Test
    void swappedSequenceNumbersAreReported() {
        ServiceId service = serviceWithHistory();
        // swap sequence 1 and 2 the way the unique stream key allows: through a temporary key
        renumber(service, 1, 99);
        renumber(service, 2, 1);
        renumber(service, 99, 2);

        List<Map<String, Object>> violations = violationsOf(service);
        assertThat(violations).extracting(v -> v.get("sequence")).containsOnly(1, 2, 3);
        assertThat(violations).anySatisfy(v -> assertThat((String) v.get("reason")).startsWith("out of order")
                .contains("swapped or renumbered"));
        assertThat(violations).anySatisfy(v -> assertThat((String) v.get("reason")).startsWith("content altered"));
        assertThat(violations).anySatisfy(v -> assertThat((String) v.get("reason")).startsWith("chain broken"));
    }

    private void renumber(ServiceId service, long from, long to) {
        events().updateOne(new Document(EventDocument.STREAM_KEY, service + "/" + from), new Document("$set",
                new Document(EventDocument.SEQUENCE, to).append(EventDocument.STREAM_KEY, service + "/" + to)));
    }

    private ServiceId serviceWithHistory() {
        ServiceId service = ServiceId.random();
        AuditFixtures.service(eventStore, service, "Wohngeld", Instant.parse("2024-03-01T10:00:00Z"));
        // the head is recorded shortly after the append; tampering is only detectable once it is
        AggregateHeads heads = new AggregateHeads(registryDatabase.getCollection(AggregateHeads.COLLECTION));
        await().atMost(Duration.ofSeconds(10)).until(() -> heads.of(service.value()) != null
                && heads.of(service.value()).sequence() == 3);
        return service;
    }

    private MongoCollection<Document> events() {
        return registryDatabase.getCollection(EventStoreCollections.EVENTS);
    }

    private Map<String, Object> integrity() {
        return http.exchange("/api/v1/audit/integrity", HttpMethod.GET, new HttpEntity<>(AuditFixtures.basic("auditor")), JSON)
                .getBody();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> violationsOf(ServiceId service) {
        return ((List<Map<String, Object>>) integrity().get("violations")).stream()
                .filter(v -> service.value().equals(v.get("aggregateId"))).toList();
    }
}
