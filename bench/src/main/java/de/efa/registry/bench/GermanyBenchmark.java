package de.efa.registry.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Germany in a box (issue #24): the standalone registry on its <em>default</em> store — the embedded journaled store
 * in a data directory of its own, as a newcomer runs it — loaded as a user would load all of Germany:
 * <ol>
 *   <li>the full GV100AD directory imported into the empty registry, then the same file again;</li>
 *   <li>services adopted by every municipality of Germany, one nationwide bulk request per service (ADMIN), from
 *       the first request to the last answer; then how long until the lookup and statistics projections answer for
 *       the last answer's position;</li>
 *   <li>after 60 s without writes: the data directory's bytes per stored event, and the resident memory;</li>
 *   <li>lookup latency over random municipalities (closed loop, 4 clients);</li>
 *   <li>a restart on the same files: the time until the registry is ready and its lookup answers.</li>
 * </ol>
 * Sizes: {@code --smoke} 1 service, {@code --quick} 3 services (~33,000 adoptions), {@code --full} 92 services
 * (~1,010,000 adoptions), or {@code BENCH_GERMANY_SERVICES}. The application's JVM options come from
 * {@code BENCH_APP_JVM} (default {@value #APP_JVM}).
 */
final class GermanyBenchmark {

    static final String APP_JVM = "-Xmx2g";
    private static final String EFFECTIVE_FROM = "2024-01-01";
    private static final String[] STATES = {"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12",
            "13", "14", "15", "16"};

    private final SystemScenario.BenchContext context;
    private final Path dataDir = Path.of("bench/target/germany-data");
    private final Path log = Path.of("bench/target/germany-standalone.log");
    private final int services;
    private final int lookups;

    GermanyBenchmark(SystemScenario.BenchContext context) {
        this.context = context;
        String services = System.getenv("BENCH_GERMANY_SERVICES");
        this.services = services != null ? Integer.parseInt(services) : switch (context.settings().mode()) {
            case "full" -> 92;
            case "smoke" -> 1;
            default -> 3;
        };
        this.lookups = context.settings().mode().equals("smoke") ? 2_000 : 20_000;
    }

    Map<String, Object> run() throws Exception {
        deleteRecursively(dataDir);
        Map<String, Object> result = new LinkedHashMap<>();
        List<String> jvm = jvmOptions();
        result.put("app_jvm", String.join(" ", jvm));
        int port = SystemScenario.freePort();
        StandaloneApp app = StandaloneApp.startEmbedded(context.jar(), dataDir, port, log, jvm);
        try {
            long started = System.nanoTime();
            app.awaitReady("actuator/health", Duration.ofMinutes(3));
            result.put("start_empty_s", seconds(System.nanoTime() - started));
            RegistryHttp admin = new RegistryHttp(app.baseUri(), "admin", "demo");

            byte[] directory = SystemBenchmark.directory();
            long t0 = System.nanoTime();
            admin.post("api/v1/admin/municipalities/import", directory, "text/plain", Duration.ofMinutes(30)).expect(200);
            result.put("import_s", seconds(System.nanoTime() - t0));
            Bench.log("germany: imported the directory in %s s", result.get("import_s"));
            t0 = System.nanoTime();
            JsonNode again = admin.post("api/v1/admin/municipalities/import", directory, "text/plain",
                    Duration.ofMinutes(30)).expect(200).json();
            result.put("reimport_s", seconds(System.nanoTime() - t0));
            result.put("reimport_unchanged", again.get("unchanged").asInt());

            List<String> municipalities = municipalities(admin);
            result.put("municipalities", municipalities.size());
            admin.post("api/v1/cooperations", Map.of("name", "Alle Länder", "foundingStates", List.of(STATES),
                    "signedOn", "2020-01-01")).expect(201);

            long adoptions = 0;
            long lastPosition = -1;
            String lastService = null;
            long first = System.nanoTime();
            for (int s = 0; s < services; s++) {
                String serviceId = admin.post("api/v1/services", Map.of("leikaKey", String.format("99%012d", 777_000_000L + s),
                        "name", "Bundesweiter Dienst " + s, "providingState", STATES[s % STATES.length], "reuse", "EFA"))
                        .expect(201).json().get("serviceId").asText();
                admin.post("api/v1/services/" + serviceId + "/versions", Map.of("version", "1.0.0", "maturityLevel", 3,
                        "releasedOn", "2020-01-01")).expect(201);
                long b0 = System.nanoTime();
                RegistryHttp.Answer bulk = admin.post("api/v1/adoptions/bulk", RegistryHttp.JSON.writeValueAsString(Map.of(
                        "serviceId", serviceId, "effectiveFrom", EFFECTIVE_FROM, "ags", municipalities)),
                        "application/json", Duration.ofMinutes(30)).expect(200);
                int accepted = bulk.json().get("accepted").asInt();
                adoptions += accepted;
                lastPosition = Math.max(lastPosition, bulk.position());
                lastService = serviceId;
                Bench.log("germany: service %d/%d adopted by %d municipalities in %.1f s (%.0f/s), %d adoptions in all",
                        s + 1, services, accepted, (System.nanoTime() - b0) / 1e9,
                        accepted / ((System.nanoTime() - b0) / 1e9), adoptions);
            }
            long bulkNanos = System.nanoTime() - first;
            result.put("services", services);
            result.put("adoptions", adoptions);
            result.put("bulk_s", seconds(bulkNanos));
            result.put("bulk_adoptions_per_s", Stats.rate(Stats.perSecond(adoptions, bulkNanos)));
            result.put("bulk_note", "from the first service's registration to the last bulk answer, one nationwide "
                    + "request per service (ADMIN, every municipality of the directory)");

            long c0 = System.nanoTime();
            String lastAgs = municipalities.get(municipalities.size() - 1);
            admin.get("api/v1/lookup/" + lastAgs, lastPosition).expect(200);
            admin.get("api/v1/stats/coverage?serviceId=" + lastService, lastPosition).expect(200);
            admin.get("api/v1/services/" + lastService, lastPosition).expect(200);
            result.put("projections_caught_up_s", seconds(System.nanoTime() - c0));
            result.put("stored_events", lastPosition + 1);

            Bench.log("germany: waiting 60 s without writes");
            awaitQuiet(Duration.ofSeconds(60));
            long bytes = directoryBytes(dataDir);
            result.put("data_dir_mb", Math.round(bytes / 1024.0 / 1024.0 * 10) / 10.0);
            result.put("data_dir_bytes_per_event", Math.round((double) bytes / (lastPosition + 1)));
            result.put("rss_mb", app.rssMb());
            result.put("peak_rss_mb", app.peakRssMb());

            result.put("lookup", lookups(app, municipalities));

            long killedAt = System.nanoTime();
            app.kill();
            result.put("kill_s", seconds(System.nanoTime() - killedAt));
            long r0 = System.nanoTime();
            app = StandaloneApp.startEmbedded(context.jar(), dataDir, port, log, jvm);
            app.awaitReady("actuator/health", Duration.ofMinutes(5));
            new RegistryHttp(app.baseUri(), "admin", "demo").get("api/v1/lookup/" + lastAgs, lastPosition).expect(200);
            result.put("restart_to_ready_s", seconds(System.nanoTime() - r0));
            result.put("rss_after_restart_mb", app.rssMb());
        } finally {
            app.close();
        }
        return result;
    }

    private Map<String, Object> lookups(StandaloneApp app, List<String> municipalities) throws InterruptedException {
        int clients = 4;
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                RegistryHttp http = new RegistryHttp(app.baseUri(), "analyst", "demo");
                Random random = new Random(client);
                for (int i = 0; i < lookups / clients; i++) {
                    String ags = municipalities.get(random.nextInt(municipalities.size()));
                    long r0 = System.nanoTime();
                    try {
                        http.get("api/v1/lookup/" + ags, -1).expect(200);
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    latencies.add(System.nanoTime() - r0);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long elapsed = System.nanoTime() - t0;
        List<Long> measured = new ArrayList<>(latencies).subList(Math.min(latencies.size(), 1_000), latencies.size());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("requests", measured.size());
        result.put("per_s", Stats.rate(Stats.perSecond(latencies.size(), elapsed)));
        result.put("p50_ms", SystemBenchmark.percentileMs(measured, 50));
        result.put("p99_ms", SystemBenchmark.percentileMs(measured, 99));
        result.put("max_ms", SystemBenchmark.percentileMs(measured, 100));
        result.put("note", "closed loop, 4 clients, random municipalities, the first 1,000 requests not counted");
        return result;
    }

    private static List<String> municipalities(RegistryHttp admin) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>();
        for (String state : STATES) {
            for (int page = 0; ; page++) {
                JsonNode answer = admin.get("api/v1/municipalities?size=500&state=" + state + "&page=" + page, -1)
                        .expect(200).json();
                answer.get("items").forEach(m -> all.add(m.get("ags").asText()));
                if (answer.get("items").size() < 500) {
                    break;
                }
            }
        }
        return all;
    }

    private static List<String> jvmOptions() {
        String options = System.getenv().getOrDefault("BENCH_APP_JVM", APP_JVM);
        return List.of(options.trim().split("\\s+"));
    }

    private static void awaitQuiet(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis()); // the bench's own clock: the scenario asks for 60 s without writes
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e7) / 100.0;
    }

    private static long directoryBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
