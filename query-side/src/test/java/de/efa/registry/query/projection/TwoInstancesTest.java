package de.efa.registry.query.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.efa.registry.eventstore.EventStoreCollections;
import de.efa.registry.kernel.adoption.SwitchReason;
import de.efa.registry.kernel.service.ReuseModel;
import de.efa.registry.query.QuerySideApplication;
import de.efa.registry.query.RegistryHistory;
import de.efa.registry.testsupport.TestStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two query-side instances share the projections' segments through the MongoDB token store. While events stream in,
 * one instance stops (its claims are released, the other takes its segments within a claim interval), and later a
 * segment is left claimed by an instance that died (a claim nobody extends: the survivor takes it after the claim
 * timeout). The survivor's models must then be exactly those a single instance builds from the whole history (a
 * rebuild from position 0 into fresh collections): nothing lost, nothing applied twice.
 */
class TwoInstancesTest {

    private static final int SEGMENTS = 4;
    private static final String CRASHED_NODE = "query-side-crashed";

    private final String database = TestStore.freshDatabase();
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        contexts.forEach(ConfigurableApplicationContext::close);
        TestStore.client().getDatabase(database).drop();
    }

    @Test
    void segmentsMoveBetweenInstancesAndTheModelsEqualASingleInstanceRebuild() throws Exception {
        ConfigurableApplicationContext a = start("query-side-a");
        ConfigurableApplicationContext b = start("query-side-b");
        MongoDatabase db = TestStore.client().getDatabase(database);
        MongoCollection<Document> tokens = db.getCollection(EventStoreCollections.TOKENS);

        // both instances hold segments of both projections
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(owners(tokens, "lookup_v1"))
                .containsOnlyKeys("query-side-a", "query-side-b"));

        RegistryHistory history = new RegistryHistory(b.getBean(EventStore.class));
        AtomicLong appended = new AtomicLong();
        CompletableFuture<Long> stream = CompletableFuture.supplyAsync(() -> feed(history, appended));

        // read-your-writes on an instance that holds only some segments waits for the others' too
        await().atMost(Duration.ofSeconds(30)).until(() -> appended.get() > 300);
        long seen = appended.get();
        assertThat(get(a, "/api/v1/municipalities", seen).statusCode()).isEqualTo(200);
        assertThat(((ProjectionManager) a.getBean(ProjectionManager.class)).hasProcessed(seen)).isTrue();
        assertThat(b.getBean(ProjectionManager.class).hasProcessed(seen)).isTrue();

        // a clean stop mid-stream releases the claims; the survivor takes them within its claim interval
        await().atMost(Duration.ofSeconds(60)).until(() -> appended.get() > 900);
        a.close();
        contexts.remove(a);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(owners(tokens, "lookup_v1")).containsOnlyKeys("query-side-b");
            assertThat(owners(tokens, "register_v1")).containsOnlyKeys("query-side-b");
        });

        // an instance that dies leaves its claim behind; nobody extends it, and after the claim timeout it lapses
        await().atMost(Duration.ofSeconds(60)).until(() -> appended.get() > 1500);
        tokens.updateOne(new Document("processorName", "lookup_v1").append("segment", 1),
                new Document("$set", new Document("owner", CRASHED_NODE).append("timestamp", now(tokens))));
        long last = stream.get();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(owners(tokens, "lookup_v1")).containsOnlyKeys("query-side-b"));
        await().atMost(Duration.ofSeconds(30)).until(() -> b.getBean(ProjectionManager.class).hasProcessed(last));
        HttpResponse<String> erfurt = get(b, "/api/v1/municipalities/16051002", last);
        assertThat(erfurt.statusCode()).as(erfurt.body()).isEqualTo(200);

        Map<String, Map<String, List<Document>>> shared = new TreeMap<>();
        for (String projection : List.of("lookup", "register")) {
            shared.put(projection, contents(db, projection + "_v1_"));
            assertThat(b.getBean(DeadLetterQueue.class).list(projection + "_v1")).as(projection + " dead letters").isEmpty();
        }

        // a single instance builds the same history from position 0 into fresh collections
        ProjectionManager single = b.getBean(ProjectionManager.class);
        single.rebuild("lookup");
        single.rebuild("register");
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(single.statuses())
                .filteredOn(s -> List.of("lookup", "register").contains(s.name()))
                .hasSize(2).allSatisfy(s -> assertThat(s.version()).isEqualTo(2)));
        for (String projection : List.of("lookup", "register")) {
            Map<String, List<Document>> rebuilt = contents(db, projection + "_v2_");
            assertThat(rebuilt).as(projection).isNotEmpty();
            assertThat(rebuilt).as(projection + ": two instances and a takeover vs one instance")
                    .isEqualTo(shared.get(projection));
        }
    }

    /**
     * About 2,000 events: municipalities, services with versions, a cooperation, then adoptions, version switches
     * and terminations in a fixed random order, so events of one aggregate spread over the whole stream.
     */
    private static long feed(RegistryHistory history, AtomicLong appended) {
        Random random = new Random(9);
        List<String> municipalities = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            String ags = (i % 2 == 0 ? "16051" : "09162") + String.format("%03d", i);
            municipalities.add(ags);
            appended.set(history.municipality(ags, "Gemeinde " + i, 1_000 + i));
        }
        history.cooperation("EfA-Verbund", LocalDate.of(2020, 1, 1), "16", "09");
        List<String> services = new ArrayList<>();
        for (int s = 0; s < 6; s++) {
            String id = history.service("99" + String.format("%012d", s + 1), "Dienst " + s, s % 2 == 0 ? "16" : "09",
                    ReuseModel.EFA);
            history.publish(id, "1.0.0", 3, LocalDate.of(2021, 1, 1));
            appended.set(history.publish(id, "2.0.0", 4, LocalDate.of(2022, 1, 1)));
            services.add(id);
        }
        record Adoption(String ags, String id, String service) {
        }
        List<Adoption> adoptions = new ArrayList<>();
        for (String ags : municipalities) {
            for (int s = 0; s < services.size(); s++) {
                if (random.nextInt(3) == 0) {
                    String service = services.get(s);
                    String id = history.adopt(ags, service, "1.0.0", s % 2 == 0 ? "16" : "09",
                            LocalDate.of(2023, 1 + random.nextInt(12), 1));
                    adoptions.add(new Adoption(ags, id, service));
                    appended.set(history.published().size());
                }
            }
        }
        long last = 0;
        for (Adoption adoption : adoptions) {
            last = history.switchVersion(adoption.ags(), adoption.id(), adoption.service(), "1.0.0", "2.0.0",
                    LocalDate.of(2024, 2, 1), SwitchReason.REQUESTED);
            appended.set(last);
            if (random.nextInt(4) == 0) {
                last = history.end(adoption.ags(), adoption.id(), adoption.service(), LocalDate.of(2024, 12, 31));
                appended.set(last);
            }
        }
        for (int i = 0; i < 10; i++) {
            last = history.dissolve(municipalities.get(i * 7));
        }
        appended.set(last);
        return last;
    }

    private ConfigurableApplicationContext start(String nodeId) {
        // arguments, not default properties: application.yml must not override them
        ConfigurableApplicationContext context = new SpringApplicationBuilder(QuerySideApplication.class).run(
                "--server.port=0",
                "--registry.mongodb.uri=" + TestStore.uri(),
                "--registry.mongodb.database=" + database,
                "--registry.security.mode=basic",
                "--registry.event-store.fetch-delay=20ms",
                "--registry.query.min-position-wait=20s",
                "--registry.projections.segments=" + SEGMENTS,
                "--registry.projections.batch-size=64",
                "--registry.projections.token-claim-interval=200ms",
                "--registry.projections.pointer-cache-ttl=100ms",
                "--registry.projections.drop-delay=1h",
                "--registry.token-store.node-id=" + nodeId,
                "--registry.token-store.claim-timeout=2s",
                "--spring.main.banner-mode=off");
        contexts.add(context);
        return context;
    }

    private HttpResponse<String> get(ConfigurableApplicationContext context, String path, long minPosition) throws Exception {
        String port = context.getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("analyst:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Registry-Min-Position", Long.toString(minPosition))
                .GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Owner → segments claimed, for a processor. */
    private static Map<String, List<Integer>> owners(MongoCollection<Document> tokens, String processor) {
        Map<String, List<Integer>> owners = new TreeMap<>();
        for (Document token : tokens.find(new Document("processorName", processor))) {
            owners.computeIfAbsent(String.valueOf(token.get("owner")), o -> new ArrayList<>()).add(token.getInteger("segment"));
        }
        assertThat(owners.values().stream().mapToInt(List::size).sum()).isEqualTo(SEGMENTS);
        return owners;
    }

    /** "Now" in whatever form the token store keeps claim timestamps. */
    private static Object now(MongoCollection<Document> tokens) {
        Object sample = tokens.find(new Document("processorName", "lookup_v1")).first().get("timestamp");
        return sample instanceof Date ? new Date() : (Object) System.currentTimeMillis();
    }

    /** Logical collection name → its documents by id, for the collections of one projection version. */
    private static Map<String, List<Document>> contents(MongoDatabase db, String prefix) {
        Map<String, List<Document>> contents = new TreeMap<>();
        for (String name : db.listCollectionNames()) {
            if (name.startsWith(prefix)) {
                List<Document> documents = db.getCollection(name).find().sort(new Document("_id", 1)).into(new ArrayList<>());
                contents.put(name.substring(prefix.length()), documents);
            }
        }
        return contents;
    }
}
