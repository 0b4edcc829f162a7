package de.efa.registry.query.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.efa.registry.eventstore.EventDocument;
import de.efa.registry.eventstore.EventStoreCollections;
import de.efa.registry.eventstore.MongoEventStorageEngine;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.query.QuerySideApplication;
import de.efa.registry.testsupport.RegistryTestProperties;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.efa.registry.query.audit.AuditFixtures.basic;
import static de.efa.registry.query.audit.AuditFixtures.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A position handed out to an append that is still being written, with later events already stored: an auditor who
 * reads the log to its end and then goes on after the last event received must still get the late event. So a read
 * of the log ends before such a position, and passes it only once the event after it is older than the gap timeout
 * (the append failed). The appends in flight are made by hand here: the position counter moved past positions that
 * hold no event yet, as another instance's slow append leaves it.
 */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PositionsInFlightHttpTest {

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
    MongoEventStorageEngine engine;
    @Autowired
    MongoDatabase registryDatabase;

    @Test
    void aReadEndsBeforeAPositionStillBeingWrittenAndPassesOneGivenUp() {
        ServiceId first = ServiceId.random();
        AuditFixtures.append(eventStore, AuditFixtures.SERVICE, first.value(), 0,
                AuditFixtures.registered(first, "Wohngeld", "16"), Instant.now(), "thueringen");
        MongoCollection<Document> events = registryDatabase.getCollection(EventStoreCollections.EVENTS);
        Document stored = events.find(new Document(EventDocument.AGGREGATE_ID, first.value())).first();
        long last = StoredEventLog.position(stored);
        // the engine gives back positions it reserved ahead once appends stop: then the counter is the last one used
        await().until(() -> counter() == last && engine.headPosition() == last);

        long inFlight = reserve(2) - 1;
        events.insertOne(copy(stored, inFlight + 1, Instant.now()));

        assertThat(positions(page(0))).as("the read ends before the position still being written").containsExactly(last);
        assertThat(page(0)).containsEntry("next", null);
        assertThat(positions(page(last))).isEmpty();

        events.insertOne(copy(stored, inFlight, Instant.now()));
        assertThat(positions(page(last))).as("the late event arrives, and nothing after it was lost")
                .containsExactly(inFlight, inFlight + 1);

        long givenUp = reserve(2) - 1;
        events.insertOne(copy(stored, givenUp + 1, Instant.now().minus(engine.gapTimeout()).minusSeconds(1)));
        Map<String, Object> afterGap = page(inFlight + 1);
        assertThat(positions(afterGap)).as("an append that never came is passed once the event after it is old enough")
                .containsExactly(givenUp + 1);
        assertThat(afterGap).containsEntry("next", null);
    }

    private Map<String, Object> page(long after) {
        return http.exchange("/api/v1/audit/events?limit=100&after=" + after, HttpMethod.GET,
                new HttpEntity<>(basic("auditor")), JSON).getBody();
    }

    private static List<Long> positions(Map<String, Object> page) {
        return events(page).stream().map(e -> ((Number) e.get("position")).longValue()).toList();
    }

    private long counter() {
        Document counter = registryDatabase.getCollection(EventStoreCollections.COUNTERS).find().first();
        return ((Number) counter.get("value")).longValue();
    }

    /** Moves the position counter on by {@code count}, as an append that took positions does; returns the last. */
    private long reserve(int count) {
        Document after = registryDatabase.getCollection(EventStoreCollections.COUNTERS).findOneAndUpdate(
                new Document(), new Document("$inc", new Document("value", (long) count)),
                new com.mongodb.client.model.FindOneAndUpdateOptions()
                        .returnDocument(com.mongodb.client.model.ReturnDocument.AFTER));
        return ((Number) after.get("value")).longValue();
    }

    /** Another aggregate's first event like {@code template}, stored at {@code position} and dated {@code at}. */
    private static Document copy(Document template, long position, Instant at) {
        String aggregateId = ServiceId.random().value();
        Document copy = new Document(template);
        copy.put(EventDocument.POSITION, position);
        copy.put(EventDocument.AGGREGATE_ID, aggregateId);
        copy.put(EventDocument.STREAM_KEY, EventDocument.streamKey(aggregateId, 0));
        copy.put(EventDocument.EVENT_ID, UUID.randomUUID().toString());
        copy.put(EventDocument.TIMESTAMP, Date.from(at));
        return copy;
    }
}
