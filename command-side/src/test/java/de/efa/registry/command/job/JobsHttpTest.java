package de.efa.registry.command.job;

import com.mongodb.client.MongoDatabase;
import de.efa.registry.command.CommandSideApplication;
import de.efa.registry.kernel.adoption.AdoptService;
import de.efa.registry.testsupport.RegistryTestProperties;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code Prefer: respond-async} on the directory import and the bulk adoption: a 202 pointing to a job that shows its
 * progress and ends with the synchronous answer; only its starter or ADMIN reads it; and a job cut short by a restart
 * is FAILED, after which its request repeated with its Idempotency-Key finishes the work.
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(JobsHttpTest.Braking.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SuppressWarnings({"rawtypes", "unchecked"})
class JobsHttpTest {

    private static final String IMPORT = "/api/v1/admin/municipalities/import";
    private static final String BULK = "/api/v1/adoptions/bulk";
    private static final AtomicInteger LEIKA = new AtomicInteger();
    private static final String LOADS_THE_DIRECTORY = "loads-the-directory";
    private static boolean directoryLoaded;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        RegistryTestProperties.register(registry);
    }

    @TestConfiguration
    static class Braking {
        @Bean
        Brake brake(List<CommandBus> buses) {
            Brake brake = new Brake();
            buses.forEach(bus -> bus.registerDispatchInterceptor(brake));
            return brake;
        }
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    MongoDatabase registryDatabase;
    @Autowired
    JobStore jobStore;
    @Autowired
    Brake brake;

    @BeforeEach
    void directory(TestInfo test) throws Exception {
        // the import test comes first and loads the directory itself, into the empty register
        if (!directoryLoaded && !test.getTags().contains(LOADS_THE_DIRECTORY)) {
            ResponseEntity<Map> imported = post("admin", IMPORT, MediaType.TEXT_PLAIN, fixture(), null, null);
            assertThat(imported.getStatusCode().value()).as("%s", imported.getBody()).isEqualTo(200);
            directoryLoaded = true;
        }
    }

    @Test
    @Order(1)
    @Tag(LOADS_THE_DIRECTORY)
    void anAsyncImportAnswers202AndItsJobEndsWithTheSynchronousAnswer() throws Exception {
        directoryLoaded = true;
        ResponseEntity<Map> accepted = post("admin", IMPORT, MediaType.TEXT_PLAIN, fixture(), "respond-async", null);

        assertThat(accepted.getStatusCode().value()).as("%s", accepted.getBody()).isEqualTo(202);
        assertThat(accepted.getHeaders().getFirst("Preference-Applied")).isEqualTo("respond-async");
        String location = accepted.getHeaders().getFirst(HttpHeaders.LOCATION);
        assertThat(location).matches("/api/v1/jobs/[0-9a-f-]{36}");
        assertThat(accepted.getBody()).containsEntry("kind", "MUNICIPALITY_IMPORT")
                .containsEntry("jobId", location.substring(location.lastIndexOf('/') + 1))
                .containsKeys("state", "done", "total", "perSecond", "startedAt", "finishedAt", "result");
        assertThat((String) accepted.getBody().get("state")).isIn("RUNNING", "DONE");

        Map<String, Object> job = awaitEnd("admin", location);
        assertThat(job).containsEntry("state", "DONE").containsEntry("reason", null);
        assertThat(job.get("done")).isEqualTo(job.get("total"));
        assertThat((Integer) job.get("total")).isPositive();
        assertThat((String) job.get("finishedAt")).isNotNull();
        assertThat((Number) job.get("position")).isNotNull();
        Map<String, Object> result = (Map<String, Object>) job.get("result");
        assertThat(result).containsEntry("changed", 0).containsEntry("dissolved", 0);
        // one command per municipality and per region above them
        Map<String, Object> regions = (Map<String, Object>) result.get("regions");
        assertThat(regions).containsEntry("changed", 0).containsEntry("dissolved", 0);
        assertThat((Integer) result.get("added") + (Integer) regions.get("added")).isEqualTo(job.get("total"));

        // the same file once more, synchronously: the same answer's shape, nothing left to add
        ResponseEntity<Map> again = post("admin", IMPORT, MediaType.TEXT_PLAIN, fixture(), null, null);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody().keySet()).isEqualTo(result.keySet());
        assertThat(again.getBody()).containsEntry("added", 0).containsEntry("unchanged", result.get("municipalities"));
    }

    @Test
    void anAsyncBulkAdoptionAnswers202AndItsJobEndsWithTheSynchronousAnswer() {
        String service = serviceWithVersion();
        Map<String, Object> district = bulk(service, "district", "16072");
        ResponseEntity<Map> accepted = post("thueringen", BULK, MediaType.APPLICATION_JSON, district,
                "handling=lenient, respond-async; wait=5", null);
        assertThat(accepted.getStatusCode().value()).as("%s", accepted.getBody()).isEqualTo(202);
        assertThat(accepted.getHeaders().getFirst("Preference-Applied")).isEqualTo("respond-async");
        assertThat(accepted.getHeaders().getFirst("Registry-Position")).isNotNull();

        Map<String, Object> job = awaitEnd("thueringen", accepted.getHeaders().getFirst(HttpHeaders.LOCATION));
        assertThat(job).containsEntry("kind", "BULK_ADOPTION").containsEntry("state", "DONE")
                .containsEntry("done", 8).containsEntry("total", 8);
        assertThat((Map<String, Object>) job.get("result")).containsEntry("accepted", 8).containsEntry("rejected", List.of());

        // synchronously, the same request answers the same shape (now every municipality refuses: adopted already)
        ResponseEntity<Map> sync = post("thueringen", BULK, MediaType.APPLICATION_JSON, district, null, null);
        assertThat(sync.getStatusCode().value()).isEqualTo(200);
        assertThat(sync.getBody().keySet()).isEqualTo(((Map<String, Object>) job.get("result")).keySet());
        assertThat(sync.getBody()).containsEntry("accepted", 0);
        assertThat((List<Map<String, Object>>) sync.getBody().get("rejected")).hasSize(8)
                .allSatisfy(r -> assertThat(r).containsEntry("status", 409));
    }

    @Test
    void aRefusedRequestIsAnsweredAtOnceAndStartsNoJob() {
        long jobs = registryDatabase.getCollection(JobStore.COLLECTION).countDocuments();
        ResponseEntity<Map> forbidden = post("bayern", BULK, MediaType.APPLICATION_JSON,
                bulk(serviceWithVersion(), "state", "16"), "respond-async", null);
        assertThat(forbidden.getStatusCode().value()).isEqualTo(403);
        ResponseEntity<Map> garbage = post("admin", IMPORT, MediaType.TEXT_PLAIN, "not a directory\n".getBytes(),
                "respond-async", null);
        assertThat(garbage.getStatusCode().value()).isEqualTo(400);
        assertThat(registryDatabase.getCollection(JobStore.COLLECTION).countDocuments()).isEqualTo(jobs);
    }

    @Test
    void onlyItsStarterOrAdminReadsAJob() {
        ResponseEntity<Map> accepted = post("thueringen", BULK, MediaType.APPLICATION_JSON,
                bulk(serviceWithVersion(), "district", "16072"), "respond-async", null);
        String location = accepted.getHeaders().getFirst(HttpHeaders.LOCATION);
        awaitEnd("thueringen", location);

        assertThat(get("thueringen", location).getStatusCode().value()).isEqualTo(200);
        assertThat(get("admin", location).getStatusCode().value()).isEqualTo(200);
        assertProblem(get("bayern", location), 403);
        assertProblem(get("analyst", location), 403);
        assertProblem(get(null, location), 401);
        assertProblem(get("admin", "/api/v1/jobs/" + java.util.UUID.randomUUID()), 404);
        assertProblem(get("admin", "/api/v1/jobs/not-a-job"), 400);
        assertProblem(get("admin", "/api/v1/jobs/" + "9".repeat(4000)), 400);
    }

    @Test
    void aRepeatWithTheSameKeyPointsToTheSameJob() {
        Map<String, Object> district = bulk(serviceWithVersion(), "district", "16072");
        ResponseEntity<Map> first = post("thueringen", BULK, MediaType.APPLICATION_JSON, district, "respond-async", "same-job");
        ResponseEntity<Map> repeat = post("thueringen", BULK, MediaType.APPLICATION_JSON, district, "respond-async", "same-job");

        assertThat(repeat.getStatusCode().value()).isEqualTo(202);
        assertThat(repeat.getHeaders().getFirst(HttpHeaders.LOCATION)).isEqualTo(first.getHeaders().getFirst(HttpHeaders.LOCATION));
        assertThat(repeat.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(awaitEnd("thueringen", first.getHeaders().getFirst(HttpHeaders.LOCATION))).containsEntry("state", "DONE");
        assertThat(post("thueringen", BULK, MediaType.APPLICATION_JSON, district, "respond-async", "same-job")
                .getHeaders().getFirst(HttpHeaders.LOCATION)).isEqualTo(first.getHeaders().getFirst(HttpHeaders.LOCATION));
    }

    @Test
    void aJobCutShortByARestartIsFailedAndItsRequestRepeatedWithItsKeyFinishesTheWork() throws Exception {
        String service = serviceWithVersion();
        List<String> state16 = registryDatabase.getCollection("write_municipalities").find(new Document())
                .map(d -> d.getString("_id")).into(new ArrayList<>()).stream().filter(ags -> ags.startsWith("16"))
                .sorted().toList();
        assertThat(state16).hasSizeGreaterThan(4);
        // the instance "dies" while adopting the last municipality: that command waits until the test has restarted
        brake.arm(service, state16.get(state16.size() - 1), state16.size());
        Map<String, Object> wholeState = bulk(service, "state", "16");

        ResponseEntity<Map> accepted = post("thueringen", BULK, MediaType.APPLICATION_JSON, wholeState, "respond-async", "cut-short");
        assertThat(accepted.getStatusCode().value()).as("%s", accepted.getBody()).isEqualTo(202);
        String interrupted = accepted.getHeaders().getFirst(HttpHeaders.LOCATION);
        assertThat(brake.held.await(30, TimeUnit.SECONDS)).isTrue();

        // the restart: a new instance's start-up, a minute after the old one last recorded progress
        JobRecovery recovery = new JobRecovery(jobStore, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1)));
        assertThat(recovery.recover()).isEqualTo(1);
        // the old instance's last breath changes nothing: its command and every later one of that job fail
        brake.release.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> brake.seen.get() >= state16.size());
        brake.disarm();

        Map<String, Object> failed = get("thueringen", interrupted).getBody();
        assertThat(failed).containsEntry("state", "FAILED").containsEntry("result", null);
        assertThat((Map<String, Object>) failed.get("reason")).containsEntry("status", 503)
                .containsEntry("type", "https://efa-registry.de/problems/job-interrupted");
        assertThat((String) ((Map<String, Object>) failed.get("reason")).get("detail"))
                .contains("restart", "Idempotency-Key");
        assertThat(adoptions(service)).as("partly done").hasSizeLessThan(state16.size());

        ResponseEntity<Map> repeat = post("thueringen", BULK, MediaType.APPLICATION_JSON, wholeState, "respond-async", "cut-short");
        assertThat(repeat.getStatusCode().value()).as("%s", repeat.getBody()).isEqualTo(202);
        assertThat(repeat.getHeaders().getFirst("Idempotent-Replayed")).as("run again, not replayed").isNull();
        String finishing = repeat.getHeaders().getFirst(HttpHeaders.LOCATION);
        assertThat(finishing).isNotEqualTo(interrupted);
        Map<String, Object> done = awaitEnd("thueringen", finishing);
        assertThat(done).containsEntry("state", "DONE");
        Map<String, Object> result = (Map<String, Object>) done.get("result");
        List<Map<String, Object>> rejected = (List<Map<String, Object>>) result.get("rejected");
        assertThat(rejected).allSatisfy(r -> assertThat(r).containsEntry("status", 409));
        assertThat((Integer) result.get("accepted") + rejected.size()).isEqualTo(state16.size());

        // every municipality of the state adopted the service exactly once
        Map<String, Long> adopted = adoptions(service);
        assertThat(adopted.keySet()).containsExactlyInAnyOrderElementsOf(state16);
        assertThat(adopted.values()).containsOnly(1L);

        // and from now on the key answers with the job that finished the work
        ResponseEntity<Map> again = post("thueringen", BULK, MediaType.APPLICATION_JSON, wholeState, "respond-async", "cut-short");
        assertThat(again.getHeaders().getFirst(HttpHeaders.LOCATION)).isEqualTo(finishing);
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    }

    // ------------------------------------------------------------------ helpers

    /** Adoptions started per municipality for the service, from the stored events. */
    private Map<String, Long> adoptions(String service) {
        return registryDatabase.getCollection("events").find(new Document("payloadType",
                        "de.efa.registry.kernel.adoption.AdoptionStarted").append("payload.serviceId", service))
                .map(d -> ((Document) d.get("payload")).getString("ags")).into(new ArrayList<>()).stream()
                .collect(Collectors.groupingBy(ags -> ags, Collectors.counting()));
    }

    private Map<String, Object> awaitEnd(String user, String location) {
        List<Map<String, Object>> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            ResponseEntity<Map> job = get(user, location);
            assertThat(job.getStatusCode().value()).as("%s", job.getBody()).isEqualTo(200);
            seen.add(job.getBody());
            assertThat((String) job.getBody().get("state")).isIn("RUNNING", "DONE", "FAILED");
            return !"RUNNING".equals(job.getBody().get("state"));
        });
        return seen.get(seen.size() - 1);
    }

    private String serviceWithVersion() {
        String leika = Long.toString(99_300_000_000_000L + LEIKA.incrementAndGet());
        ResponseEntity<Map> created = post("thueringen", "/api/v1/services", MediaType.APPLICATION_JSON,
                Map.of("leikaKey", leika, "name", "Dienst " + leika, "providingState", "16", "reuse", "EFA"), null, null);
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        String id = (String) created.getBody().get("serviceId");
        ResponseEntity<Map> published = post("thueringen", "/api/v1/services/" + id + "/versions", MediaType.APPLICATION_JSON,
                Map.of("version", "1.0.0", "maturityLevel", 3, "releasedOn", "2022-01-01"), null, null);
        assertThat(published.getStatusCode().value()).as("%s", published.getBody()).isEqualTo(201);
        return id;
    }

    private static Map<String, Object> bulk(String service, String selector, String value) {
        Map<String, Object> body = new HashMap<>();
        body.put("serviceId", service);
        body.put("effectiveFrom", "2023-07-01");
        body.put(selector, value);
        return body;
    }

    private ResponseEntity<Map> post(String user, String path, MediaType type, Object body, String prefer, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        if (prefer != null) {
            headers.set("Prefer", prefer);
        }
        if (key != null) {
            headers.set("Idempotency-Key", key);
        }
        return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
    }

    private ResponseEntity<Map> get(String user, String path) {
        return as(user).exchange(path, HttpMethod.GET, HttpEntity.EMPTY, Map.class);
    }

    private TestRestTemplate as(String user) {
        return user == null ? rest : rest.withBasicAuth(user, "demo");
    }

    private static void assertProblem(ResponseEntity<Map> answer, int status) {
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody()).containsEntry("status", status).containsKeys("type", "title");
    }

    private static byte[] fixture() throws Exception {
        return new ClassPathResource("demo/gv100ad-demo.txt").getContentAsByteArray();
    }

    /**
     * Stands in for an instance that dies in the middle of a job: the adoption of one municipality waits until the
     * test has "restarted", then it and every later adoption of the service fail, until the test disarms it.
     */
    static final class Brake implements MessageDispatchInterceptor<CommandMessage<?>> {

        final CountDownLatch held = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger seen = new AtomicInteger();
        private volatile String service;
        private volatile String holdAt;
        private volatile boolean dead;

        void arm(String service, String holdAt, int items) {
            this.holdAt = holdAt;
            this.service = service;
        }

        void disarm() {
            service = null;
        }

        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
            return (index, command) -> {
                if (command.getPayload() instanceof AdoptService adopt && service != null
                        && adopt.serviceId().value().equals(service)) {
                    seen.incrementAndGet();
                    if (adopt.ags().value().equals(holdAt)) {
                        held.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        dead = true;
                    }
                    if (dead) {
                        throw new IllegalStateException("the instance is gone");
                    }
                }
                return command;
            };
        }
    }
}
