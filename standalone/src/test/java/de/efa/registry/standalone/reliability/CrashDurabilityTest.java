package de.efa.registry.standalone.reliability;

import de.efa.registry.standalone.RegistryApplication;
import de.efa.registry.standalone.support.RawHttp;
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
