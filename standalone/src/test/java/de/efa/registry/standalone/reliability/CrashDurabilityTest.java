package de.efa.registry.standalone.reliability;

import de.efa.registry.standalone.RegistryApplication;
import de.efa.registry.standalone.support.RawHttp;
import de.efa.registry.command.municipality.directory.OfficialDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The standalone registry in a child JVM, on its embedded store in files, is killed ({@code kill -9}) while clients
 * are writing. Restarted on the same files, it holds every write it acknowledged, its hash chains are intact, and its
 * projections — caught up after the crash, half-applied batches and all — answer exactly what a full rebuild gives.
 */
class CrashDurabilityTest {

    private static final int WRITERS = 6;
    private static final int ACKS_BEFORE_KILL = 90;
    private static final List<String> THURINGIAN = List.of("16051000", "16053000", "16055000", "16072006", "16072011",
            "16072013", "16072015", "16072018", "16072019", "16072023", "16072024");

    @TempDir
    Path dir;

    /** What a client was told: a service, and the versions and adoptions acknowledged for it. */
    record Acknowledged(String serviceId, List<String> versions, List<String> adoptions) {
    }

    @Test
    void everyAcknowledgedWriteSurvivesKillMinus9AndTheProjectionsConvergeToARebuild() throws Exception {
        Path data = dir.resolve("data");
        Process first = start(data, "first");
        RawHttp http = awaitHealthy(first);
        RawHttp.Answer imported = http.post("/api/v1/admin/municipalities/import").as("admin")
                .body("text/plain", new ClassPathResource("demo/gv100ad-demo.txt").getContentAsByteArray()).send();
        assertThat(imported.status()).as("%s", imported).isEqualTo(200);

        Map<String, Acknowledged> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger acks = new AtomicInteger();
        AtomicLong lastPosition = new AtomicLong();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger serverErrors = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.submit(() -> write(http, writer, acknowledged, acks, lastPosition, killed, serverErrors));
        }
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> acks.get() >= ACKS_BEFORE_KILL || !first.isAlive());
            assertThat(first.isAlive()).as("the registry was still running when it was killed").isTrue();
            killed.set(true);
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            killed.set(true);
            first.destroyForcibly();
            writers.shutdownNow();
            writers.awaitTermination(30, TimeUnit.SECONDS);
        }
        assertThat(serverErrors).as("no 5xx while it ran").hasValue(0);

        Process second = start(data, "second");
        try {
            RawHttp restarted = awaitHealthy(second);
            String minPosition = Long.toString(lastPosition.get());

            for (Acknowledged ack : acknowledged.values()) {
                RawHttp.Answer service = restarted.get("/api/v1/services/" + ack.serviceId()).as("analyst")
                        .header("Registry-Min-Position", minPosition).send();
                assertThat(service.status()).as("service %s: %s", ack.serviceId(), service).isEqualTo(200);
                ack.versions().forEach(version -> assertThat(service.body()).contains("\"" + version + "\""));
                for (String adoption : ack.adoptions()) {
                    assertThat(restarted.get("/api/v1/adoptions/" + adoption).as("analyst")
                            .header("Registry-Min-Position", minPosition).send().status()).as("adoption %s", adoption).isEqualTo(200);
                }
            }
            RawHttp.Answer integrity = restarted.get("/api/v1/audit/integrity").as("auditor").send();
            assertThat(integrity.json()).as("%s", integrity).containsEntry("ok", true);

            List<String> reads = new ArrayList<>(List.of("/api/v1/services?size=500", "/api/v1/cooperations",
                    "/api/v1/stats/coverage", "/api/v1/stats/coverage?groupBy=district", "/api/v1/stats/cross-border",
                    "/api/v1/stats/maturity", "/api/v1/stats/timeline?from=2023-01-01&to=2024-12-31&interval=month"));
            THURINGIAN.forEach(ags -> reads.add("/api/v1/lookup/" + ags + "?asOf=2025-01-01"));
            acknowledged.keySet().forEach(id -> reads.add("/api/v1/services/" + id + "/adoptions?size=500"));
            Map<String, String> live = answers(restarted, reads, minPosition);

            Map<String, Integer> versions = new LinkedHashMap<>();
            for (Map<String, Object> projection : projections(restarted)) {
                versions.put((String) projection.get("name"), ((Number) projection.get("version")).intValue());
            }
            for (String name : versions.keySet()) {
                assertThat(restarted.post("/api/v1/admin/projections/" + name + "/rebuild").as("admin").send().status()).isEqualTo(202);
            }
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(projections(restarted)).allSatisfy(p ->
                    assertThat(p).containsEntry("status", "LIVE")
                            .containsEntry("version", versions.get((String) p.get("name")) + 1)));

            assertThat(answers(restarted, reads, minPosition)).isEqualTo(live);
        } finally {
            second.destroyForcibly();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * A nationwide bulk adoption — every municipality of the official directory, as a job — is killed half-way. After
     * the restart the job says FAILED; its request repeated with the same Idempotency-Key finishes the work: every
     * municipality is adopted exactly once, and the repeat's answer names each municipality once.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aNationwideBulkAdoptionKilledHalfWayIsFinishedByItsRepeat() throws Exception {
        Path data = dir.resolve("nationwide");
        Process first = start(data, "nationwide-first");
        String serviceId;
        String jobId;
        Map<String, Object> bulk;
        try {
            RawHttp http = awaitHealthy(first);
            RawHttp.Answer importing = http.post("/api/v1/admin/municipalities/import").as("admin")
                    .header("Prefer", "respond-async")
                    .body("text/plain", OfficialDirectory.bytes()).send();
            assertThat(importing.status()).as("%s", importing).isEqualTo(202);
            await().atMost(Duration.ofSeconds(600)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    http.get(importing.header("Location")).as("admin").send().json().get("state"), "DONE"::equals);
            List<String> germany = allMunicipalities(http);
            assertThat(germany).hasSize(10_981);
            assertThat(http.post("/api/v1/cooperations").as("admin").json(Map.of("name", "Alle Länder",
                    "foundingStates", List.of("01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12",
                            "13", "14", "15", "16"), "signedOn", "2020-01-01")).send().status()).isEqualTo(201);
            RawHttp.Answer registered = http.post("/api/v1/services").as("admin").json(Map.of("leikaKey",
                    "99123400000001", "name", "Bundesweit", "providingState", "16", "reuse", "EFA")).send();
            serviceId = (String) registered.json().get("serviceId");
            assertThat(http.post("/api/v1/services/" + serviceId + "/versions").as("admin").json(Map.of("version",
                    "1.0.0", "maturityLevel", 3, "releasedOn", "2020-01-01")).send().status()).isEqualTo(201);

            bulk = Map.of("serviceId", serviceId, "effectiveFrom", "2024-01-01", "ags", germany);
            RawHttp.Answer accepted = http.post("/api/v1/adoptions/bulk").as("admin").header("Prefer", "respond-async")
                    .header("Idempotency-Key", "germany-" + serviceId).json(bulk).send();
            assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
            jobId = accepted.header("Location").substring("/api/v1/jobs/".length());
            await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(50)).until(() ->
                    ((Number) http.get("/api/v1/jobs/" + jobId).as("admin").send().json().get("done")).intValue() >= 2_000);
        } finally {
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        Process second = start(data, "nationwide-second");
        try {
            RawHttp restarted = awaitHealthy(second);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(restarted.get("/api/v1/jobs/" + jobId).as("admin").send().json())
                            .as("the job cut short by the crash").containsEntry("state", "FAILED"));

            RawHttp.Answer repeat = restarted.post("/api/v1/adoptions/bulk").as("admin").header("Prefer", "respond-async")
                    .header("Idempotency-Key", "germany-" + serviceId).json(bulk).send();
            assertThat(repeat.status()).as("%s", repeat).isEqualTo(202);
            String repeatJob = repeat.header("Location");
            Map<String, Object> done = await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(250))
                    .until(() -> restarted.get(repeatJob).as("admin").send().json(), job -> "DONE".equals(job.get("state")));
            Map<String, Object> result = (Map<String, Object>) done.get("result");
            List<Map<String, Object>> rejected = (List<Map<String, Object>>) result.get("rejected");
            assertThat(((Number) result.get("accepted")).intValue() + rejected.size()).as("each municipality counted once")
                    .isEqualTo(10_981);
            assertThat(rejected).as("only those adopted before the crash").allSatisfy(r -> assertThat(r).containsEntry("status", 409));

            String position = String.valueOf(done.get("position"));
            List<String> adopted = new ArrayList<>();
            for (int page = 0; ; page++) {
                RawHttp.Answer answer = restarted.get("/api/v1/services/" + serviceId + "/adoptions?size=500&page=" + page)
                        .as("analyst").header("Registry-Min-Position", position).send();
                assertThat(answer.status()).as("%s", answer).isEqualTo(200);
                List<Map<String, Object>> items = (List<Map<String, Object>>) answer.json().get("items");
                items.forEach(item -> adopted.add((String) item.get("ags")));
                if (items.size() < 500) {
                    break;
                }
            }
            assertThat(adopted).as("every municipality adopted exactly once").hasSize(10_981).doesNotHaveDuplicates();
        } finally {
            second.destroyForcibly();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> allMunicipalities(RawHttp http) {
        List<String> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            RawHttp.Answer answer = http.get("/api/v1/municipalities?size=500&page=" + page).as("analyst").send();
            List<Map<String, Object>> items = (List<Map<String, Object>>) answer.json().get("items");
            items.forEach(item -> all.add((String) item.get("ags")));
            if (items.size() < 500) {
                return all;
            }
        }
    }

    private static void write(RawHttp http, int writer, Map<String, Acknowledged> acknowledged, AtomicInteger acks,
                              AtomicLong lastPosition, AtomicBoolean killed, AtomicInteger serverErrors) {
        for (int round = 0; !killed.get(); round++) {
            try {
                RawHttp.Answer registered = http.post("/api/v1/services").as("thueringen").json(Map.of(
                        "leikaKey", String.format("9960%02d%08d", writer, round), "name", "Dienst " + writer + "/" + round,
                        "providingState", "16", "reuse", "EFA")).send();
                if (!acknowledge(registered, 201, acks, lastPosition, serverErrors)) {
                    continue;
                }
                String serviceId = (String) registered.json().get("serviceId");
                Acknowledged ack = new Acknowledged(serviceId, new ArrayList<>(), new ArrayList<>());
                acknowledged.put(serviceId, ack);
                RawHttp.Answer published = http.post("/api/v1/services/" + serviceId + "/versions").as("thueringen")
                        .json(Map.of("version", "1.0.0", "maturityLevel", 3, "releasedOn", "2023-01-01")).send();
                if (!acknowledge(published, 201, acks, lastPosition, serverErrors)) {
                    continue;
                }
                ack.versions().add("1.0.0");
                RawHttp.Answer adopted = http.post("/api/v1/adoptions").as("thueringen").json(Map.of("serviceId", serviceId,
                        "ags", THURINGIAN.get((writer + round) % THURINGIAN.size()), "effectiveFrom", "2024-01-01")).send();
                if (acknowledge(adopted, 201, acks, lastPosition, serverErrors)) {
                    ack.adoptions().add((String) adopted.json().get("adoptionId"));
                }
            } catch (UncheckedIOException e) {
                // the registry was killed under this request: it was never acknowledged
            }
        }
    }

    private static boolean acknowledge(RawHttp.Answer answer, int expected, AtomicInteger acks, AtomicLong lastPosition,
                                       AtomicInteger serverErrors) {
        if (answer.status() >= 500) {
            serverErrors.incrementAndGet();
        }
        if (answer.status() != expected) {
            return false;
        }
        acks.incrementAndGet();
        lastPosition.accumulateAndGet(Long.parseLong(answer.header("Registry-Position")), Math::max);
        return true;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> projections(RawHttp http) {
        RawHttp.Answer answer = http.get("/api/v1/admin/projections").as("admin").send();
        try {
            return RawHttp.JSON.readValue(answer.body(), List.class);
        } catch (IOException e) {
            throw new UncheckedIOException(answer.body(), e);
        }
    }

    private static Map<String, String> answers(RawHttp http, List<String> reads, String minPosition) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String read : reads) {
            RawHttp.Answer answer = http.get(read).as("admin").header("Registry-Min-Position", minPosition).send();
            assertThat(answer.status()).as("%s: %s", read, answer).isEqualTo(200);
            answers.put(read, answer.body());
        }
        return answers;
    }

    private Process start(Path data, String name) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), RegistryApplication.class.getName(),
                "--server.port=" + port, "--registry.data-dir=" + data, "--registry.event-store.fetch-delay=20ms",
                "--logging.level.root=WARN", "--spring.main.banner-mode=off");
        builder.redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        Process process = builder.start();
        ports.put(process, port);
        return process;
    }

    private final Map<Process, Integer> ports = new ConcurrentHashMap<>();

    private RawHttp awaitHealthy(Process process) {
        RawHttp http = new RawHttp(ports.get(process));
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
            assertThat(process.isAlive()).as("child exited, see " + dir).isTrue();
            return http.get("/actuator/health").send().status() == 200;
        });
        return http;
    }
}
