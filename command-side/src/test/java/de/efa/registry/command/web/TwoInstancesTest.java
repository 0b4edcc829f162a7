package de.efa.registry.command.web;

import com.mongodb.client.MongoDatabase;
import de.efa.registry.command.CommandSideApplication;
import de.efa.registry.eventstore.EventDocument;
import de.efa.registry.eventstore.EventStoreCollections;
import de.efa.registry.testsupport.TestStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two command-side instances on one store, written to concurrently and on the same aggregates: every municipality
 * receives adoptions through both instances at once, and one service receives version publications through both.
 * Nothing acknowledged is lost and nothing is stored twice: the unique stream key lets one append per aggregate
 * sequence win, the loser runs again on the reloaded aggregate ({@link ConcurrencyRetry}).
 */
class TwoInstancesTest {

    private static final List<String> THURINGIA = List.of("16051000", "16053000", "16055000", "16072006", "16072011",
            "16072013", "16072015", "16072018", "16072019", "16072023", "16072024");
    private static final Pattern ID = Pattern.compile("\"(?:serviceId|adoptionId)\"\\s*:\\s*\"([^\"]+)\"");

    private final String database = TestStore.freshDatabase();
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        contexts.forEach(ConfigurableApplicationContext::close);
        TestStore.client().getDatabase(database).drop();
    }

    @Test
    void concurrentWritesToTheSameAggregatesThroughTwoInstancesLoseNothingAndStoreNothingTwice() throws Exception {
        List<ConfigurableApplicationContext> sides = List.of(start("command-side-a"), start("command-side-b"));
        byte[] directory = new ClassPathResource("demo/gv100ad-demo.txt").getContentAsByteArray();
        assertThat(post(sides.get(0), "admin", "/api/v1/admin/municipalities/import", directory, "text/plain").statusCode())
                .isEqualTo(200);
        List<String> services = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            HttpResponse<String> registered = post(sides.get(s % 2), "thueringen", "/api/v1/services",
                    json("{'leikaKey':'9912345678900%d','name':'Dienst %d','providingState':'16','reuse':'EFA'}", s, s), null);
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            services.add(id(registered));
            HttpResponse<String> published = post(sides.get((s + 1) % 2), "thueringen", "/api/v1/services/" + id(registered)
                    + "/versions", json("{'version':'1.0.0','maturityLevel':3,'releasedOn':'2022-01-01'}"), null);
            assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        }

        // every (municipality, service) once, so each may succeed; four adoptions per municipality race each other
        record Write(String kind, String key, HttpResponse<String> answer) {
        }
        List<java.util.concurrent.Callable<Write>> writes = new ArrayList<>();
        int n = 0;
        for (String ags : THURINGIA) {
            for (String service : services) {
                ConfigurableApplicationContext side = sides.get(n++ % 2);
                writes.add(() -> new Write("adoption", ags + "/" + service, post(side, "thueringen", "/api/v1/adoptions",
                        json("{'serviceId':'%s','ags':'%s','effectiveFrom':'2023-01-01'}", service, ags), null)));
            }
            // and, in between, versions of one service through both instances: one wins per sequence, versions must
            // rise, so a publication may also be refused — but then it must have left no trace
            String version = "1." + (n / 4) + ".0";
            ConfigurableApplicationContext side = sides.get(n % 2);
            writes.add(() -> new Write("version", version, post(side, "thueringen", "/api/v1/services/" + services.get(0)
                    + "/versions", json("{'version':'%s','maturityLevel':3,'releasedOn':'2023-01-01'}", version), null)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Write> answers = new ArrayList<>();
        try {
            for (Future<Write> f : pool.invokeAll(writes)) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        MongoDatabase db = TestStore.client().getDatabase(database);
        List<Document> events = db.getCollection(EventStoreCollections.EVENTS).find().into(new ArrayList<>());
        assertStreamsAreDenseAndUnique(events);

        Set<String> acceptedVersions = new HashSet<>();
        for (Write write : answers) {
            int status = write.answer().statusCode();
            if (write.kind().equals("adoption")) {
                assertThat(status).as(write.key() + ": " + write.answer().body()).isEqualTo(201);
                String adoptionId = id(write.answer());
                assertThat(events).as("events of adoption " + adoptionId)
                        .filteredOn(e -> e.getString(EventDocument.PAYLOAD_TYPE).endsWith("AdoptionStarted")
                                && e.get(EventDocument.PAYLOAD, Document.class).toJson().contains(adoptionId))
                        .hasSize(1);
            } else {
                // a refusal is a rule (versions must rise), never a lost race nor an error
                assertThat(status).as(write.key() + ": " + write.answer().body()).isIn(201, 422);
                if (status == 201) {
                    acceptedVersions.add(write.key());
                }
            }
        }
        assertThat(events).filteredOn(e -> e.getString(EventDocument.PAYLOAD_TYPE).endsWith("AdoptionStarted"))
                .hasSize(THURINGIA.size() * services.size());
        List<String> storedVersions = events.stream()
                .filter(e -> e.getString(EventDocument.PAYLOAD_TYPE).endsWith("VersionPublished")
                        && services.get(0).equals(e.getString(EventDocument.AGGREGATE_ID)))
                .map(e -> versionOf(e.get(EventDocument.PAYLOAD, Document.class)))
                .filter(v -> !v.equals("1.0.0"))
                .toList();
        assertThat(storedVersions).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(acceptedVersions);
        assertThat(acceptedVersions).isNotEmpty();
    }

    /**
     * Each instance caches the municipalities it worked on ({@link AggregateCache}); the other instance's appends
     * leave that cache behind the store. A stale refusal must be decided again from the store, a stale admission
     * must lose at the stream key and run again: the answers are those a single instance would give.
     */
    @Test
    void aMunicipalityCachedByOneInstanceIsDecidedByWhatTheOtherStored() throws Exception {
        ConfigurableApplicationContext a = start("command-side-a");
        ConfigurableApplicationContext b = start("command-side-b");
        byte[] directory = new ClassPathResource("demo/gv100ad-demo.txt").getContentAsByteArray();
        assertThat(post(a, "admin", "/api/v1/admin/municipalities/import", directory, "text/plain").statusCode()).isEqualTo(200);
        List<String> services = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            HttpResponse<String> registered = post(a, "thueringen", "/api/v1/services",
                    json("{'leikaKey':'9912345678901%d','name':'Dienst %d','providingState':'16','reuse':'EFA'}", s, s), null);
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            services.add(id(registered));
            assertThat(post(a, "thueringen", "/api/v1/services/" + id(registered) + "/versions",
                    json("{'version':'1.0.0','maturityLevel':3,'releasedOn':'2022-01-01'}"), null).statusCode()).isEqualTo(201);
        }
        String erfurt = THURINGIA.get(0);
        String adopt = "{'serviceId':'%s','ags':'%s','effectiveFrom':'2023-01-01'}";

        HttpResponse<String> first = post(a, "thueringen", "/api/v1/adoptions", json(adopt, services.get(0), erfurt), null);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.body()).contains("\"version\":\"1.0.0\"");
        // a has Erfurt cached with the adoption in use; b ends it
        HttpResponse<String> ended = post(b, "thueringen", "/api/v1/adoptions/" + id(first) + "/termination",
                json("{'endsOn':'2023-06-30'}"), null);
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
        // a's cache still says "in use": only the stored history may refuse (a new adoption from the day the first ends)
        String adoptAfterTheEnd = "{'serviceId':'%s','ags':'%s','effectiveFrom':'2023-06-30'}";
        HttpResponse<String> again = post(a, "thueringen", "/api/v1/adoptions", json(adoptAfterTheEnd, services.get(0), erfurt), null);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        // b's cache (from the termination) lacks a's new adoption: its append loses at the stream key and runs again
        HttpResponse<String> other = post(b, "thueringen", "/api/v1/adoptions", json(adopt, services.get(1), erfurt), null);
        assertThat(other.statusCode()).as(other.body()).isEqualTo(201);
        // and a stale cache still refuses what the store refuses: the service is in use again
        HttpResponse<String> twice = post(b, "thueringen", "/api/v1/adoptions", json(adopt, services.get(0), erfurt), null);
        assertThat(twice.statusCode()).as(twice.body()).isEqualTo(409);

        List<Document> events = TestStore.client().getDatabase(database).getCollection(EventStoreCollections.EVENTS)
                .find().into(new ArrayList<>());
        assertStreamsAreDenseAndUnique(events);
        assertThat(events).filteredOn(e -> erfurt.equals(e.getString(EventDocument.AGGREGATE_ID)))
                .extracting(e -> e.getString(EventDocument.PAYLOAD_TYPE).replaceAll(".*\\.", ""))
                .containsExactly("MunicipalityRecorded", "AdoptionStarted", "AdoptionEnded", "AdoptionStarted", "AdoptionStarted");
    }

    /** Per aggregate, sequences 0..n-1 without holes or doubles; stream keys, event ids and positions unique. */
    private static void assertStreamsAreDenseAndUnique(List<Document> events) {
        Map<String, List<Long>> sequences = new HashMap<>();
        Set<String> streamKeys = new HashSet<>();
        Set<String> eventIds = new HashSet<>();
        Set<Object> positions = new HashSet<>();
        for (Document event : events) {
            sequences.computeIfAbsent(event.getString(EventDocument.AGGREGATE_ID), a -> new ArrayList<>())
                    .add(((Number) event.get(EventDocument.SEQUENCE)).longValue());
            assertThat(streamKeys.add(event.getString(EventDocument.STREAM_KEY))).as("stream key unique").isTrue();
            assertThat(eventIds.add(event.getString(EventDocument.EVENT_ID))).as("event id unique").isTrue();
            assertThat(positions.add(event.get(EventDocument.POSITION))).as("position unique").isTrue();
        }
        sequences.forEach((aggregate, seqs) -> assertThat(seqs).as("sequences of " + aggregate)
                .containsExactlyInAnyOrderElementsOf(LongStream.range(0, seqs.size()).boxed().toList()));
    }

    private static String versionOf(Document payload) {
        Object version = payload.get("version");
        return version instanceof Document d ? String.valueOf(d.get("value")) : String.valueOf(version);
    }

    private ConfigurableApplicationContext start(String nodeId) {
        // arguments, not default properties: application.yml must not override them
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CommandSideApplication.class).run(
                "--server.port=0",
                "--registry.mongodb.uri=" + TestStore.uri(),
                "--registry.mongodb.database=" + database,
                "--registry.security.mode=basic",
                "--registry.event-store.fetch-delay=20ms",
                "--registry.token-store.node-id=" + nodeId,
                "--registry.token-store.claim-timeout=3s",
                "--spring.main.banner-mode=off");
        contexts.add(context);
        return context;
    }

    private HttpResponse<String> post(ConfigurableApplicationContext side, String user, String path, Object body,
                                      String contentType) throws Exception {
        byte[] bytes = body instanceof byte[] b ? b : body.toString().getBytes(StandardCharsets.UTF_8);
        String port = side.getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", contentType == null ? "application/json" : contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String json(String template, Object... args) {
        return String.format(template, args).replace('\'', '"');
    }

    private static String id(HttpResponse<String> answer) {
        Matcher m = ID.matcher(answer.body());
        assertThat(m.find()).as(answer.body()).isTrue();
        return m.group(1);
    }
}
