package de.efa.registry.query.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import de.efa.registry.eventstore.EventDocument;
import de.efa.registry.eventstore.EventStoreCollections;
import de.efa.registry.kernel.service.ServiceRegistered;
import de.efa.registry.query.QuerySideApplication;
import de.efa.registry.testsupport.RegistryTestProperties;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export of a large store streams: lines leave while the log is still being read (a body built in memory would
 * only start once everything was read), and every stored event arrives once, in position order, gaps skipped.
 * The register projection subscribes here instead of tracking, so it does not replay the 200,000 events meanwhile.
 */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "axon.eventhandling.processors.register.mode=subscribing")
class LargeExportHttpTest {

    static final int EVENTS = 100_000;
    /** Positions handed out but never written, as failed appends leave them. */
    static final int GAP_EVERY = 12_500;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        RegistryTestProperties.register(registry);
    }

    @Autowired
    MongoDatabase registryDatabase;
    @LocalServerPort
    int port;

    @Test
    void aHundredThousandEventsStreamOutLineByLine() throws Exception {
        long stored = storeDirectly();

        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/audit/events/export"))
                .header("Authorization", AuditFixtures.basic("auditor").getFirst("Authorization")).build();
        long started = System.nanoTime();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();

        long firstLineAfter = -1;
        long lines = 0;
        long lastPosition = 0;
        boolean ascending = true;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (lines++ == 0) {
                    firstLineAfter = System.nanoTime() - started;
                }
                long position = Long.parseLong(line.substring("{\"position\":".length(), line.indexOf(',')));
                ascending &= position > lastPosition;
                lastPosition = position;
            }
        }
        long total = System.nanoTime() - started;
        System.out.printf("export of %d events: first line after %d ms, all after %d ms%n", lines,
                firstLineAfter / 1_000_000, total / 1_000_000);

        assertThat(lines).isEqualTo(stored);
        assertThat(ascending).isTrue();
        assertThat(lastPosition).isEqualTo(EVENTS);
        // the first lines left long before the last: nothing was collected first
        assertThat(firstLineAfter).as("first line after %d ms of %d ms", firstLineAfter / 1_000_000, total / 1_000_000)
                .isLessThan(total / 5);
    }

    /** Documents as the engine writes them (the hash is not what this test is about), positions 1..EVENTS. */
    private long storeDirectly() {
        MongoCollection<Document> events = registryDatabase.getCollection(EventStoreCollections.EVENTS);
        Date timestamp = Date.from(Instant.parse("2024-01-01T00:00:00Z"));
        String type = ServiceRegistered.class.getName();
        List<Document> batch = new ArrayList<>();
        long stored = 0;
        for (int position = 1; position <= EVENTS; position++) {
            if (position % GAP_EVERY == 0 && position != EVENTS) {
                continue;
            }
            String aggregateId = "bulk-" + (position / 100);
            int sequence = position % 100;
            batch.add(new Document(EventDocument.POSITION, (long) position)
                    .append(EventDocument.AGGREGATE_TYPE, "OnlineService")
                    .append(EventDocument.AGGREGATE_ID, aggregateId)
                    .append(EventDocument.SEQUENCE, (long) sequence)
                    .append(EventDocument.STREAM_KEY, aggregateId + "/" + sequence)
                    .append(EventDocument.EVENT_ID, UUID.randomUUID().toString())
                    .append(EventDocument.PAYLOAD_TYPE, type)
                    .append(EventDocument.PAYLOAD_REVISION, null)
                    .append(EventDocument.TIMESTAMP, timestamp)
                    .append(EventDocument.PAYLOAD, new Document("serviceId", UUID.randomUUID().toString())
                            .append("leikaKey", "99123456789012").append("name", "Dienst " + position)
                            .append("providingState", "16").append("reuse", "EFA"))
                    .append(EventDocument.META_DATA, new Document("principal", "thueringen")
                            .append("correlationId", "c" + position).append("causationId", "c" + position))
                    .append(EventDocument.HASH, "h" + position)
                    .append(EventDocument.PREVIOUS_HASH, "h" + (position - 1)));
            stored++;
            if (batch.size() == 5_000) {
                events.insertMany(batch, new InsertManyOptions().ordered(false));
                batch.clear();
            }
        }
        events.insertMany(batch, new InsertManyOptions().ordered(false));
        registryDatabase.getCollection(EventStoreCollections.COUNTERS).updateOne(new Document("_id", "eventPosition"),
                new Document("$set", new Document("value", (long) EVENTS)));
        return stored;
    }
}
