package de.efa.registry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import de.efa.registry.command.municipality.directory.OfficialDirectory;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The whole system over HTTP: starts {@code standalone/target/registry.jar} against the bench's MongoDB server (its own
 * database), sets the register up through the API (municipality directory, one cooperation of all 16 states, services
 * with a version each), then measures
 * <ul>
 *   <li><b>commands</b> — {@code POST /api/v1/adoptions} from N clients, distinct (service, municipality) pairs,
 *       against {@link BaselineEndpoint} (one raw insert per request), in turns, warmed up, median of the rounds;</li>
 *   <li><b>lag</b> — under steady command load, from a 201 until polling {@code GET /lookup/{ags}} (1 ms apart)
 *       shows the adoption; then also until the same read with {@code Registry-Min-Position} (which waits for every
 *       projection) answers;</li>
 *   <li><b>lookup</b> — after loading many adoptions with {@code POST /adoptions/bulk} by state and waiting for every
 *       projection to reach the head, p50/p99 of {@code GET /lookup/{ags}} over random municipalities; then the
 *       analysts' reads (statistics, a service's adoptions) over the same register, one at a time.</li>
 * </ul>
 */
final class SystemBenchmark {

    private static final String[] STATES = {"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12",
            "13", "14", "15", "16"};
    private static final String EFFECTIVE_FROM = "2024-01-01";

    /** The GV100AD file the scenarios import: {@code BENCH_GV100AD}, or the official directory the project ships. */
    static byte[] directory() throws java.io.IOException {
        String file = System.getenv("BENCH_GV100AD");
        return file != null ? Files.readAllBytes(Path.of(file)) : OfficialDirectory.bytes();
    }

    private final MongoClient client;
    private final SystemScenario.BenchContext context;
    private final SystemSizes sizes;
    /** Another GV100AD file than the one the project ships, or null. */
    private final Path directoryFile;

    private StandaloneApp app;
    private RegistryHttp admin;
    private List<String> municipalities;
    private final List<String> commandServices = new ArrayList<>();
    private final List<String> bulkServices = new ArrayList<>();
    private final AtomicInteger nextPair = new AtomicInteger();
    private final AtomicInteger nextBaselinePair = new AtomicInteger();

    /** The scenarios of the system part, in the order they run. */
    static final List<String> SCENARIOS = List.of("commands", "lag", "lookup");

    private final List<String> scenarios;

    /** @param scenarios which of {@link #SCENARIOS} to run (the set-up always runs) */
    SystemBenchmark(MongoClient client, SystemScenario.BenchContext context, List<String> scenarios) {
        this.scenarios = scenarios;
        this.client = client;
        this.context = context;
        this.sizes = context.settings().system().withCommandWarmup(System.getenv("BENCH_COMMAND_WARMUP"));
        String file = System.getenv("BENCH_GV100AD");
        this.directoryFile = file != null ? Path.of(file) : null;
    }

    /** Parameters of the system scenarios per mode. */
    record SystemSizes(int clients, int commandWarmup, int commandsPerRound, int commandRounds, int lagClients,
                       Duration lagDuration, int bulkServices, int bulkParallel, int readers, int lookupWarmup,
                       int lookupRequests, String appHeap) {

        /** The commands' warm-up from {@code BENCH_COMMAND_WARMUP} (adoptions per contender) when it is set. */
        SystemSizes withCommandWarmup(String adoptions) {
            if (adoptions == null || adoptions.isBlank()) {
                return this;
            }
            return new SystemSizes(clients, Integer.parseInt(adoptions.strip()), commandsPerRound, commandRounds, lagClients,
                    lagDuration, bulkServices, bulkParallel, readers, lookupWarmup, lookupRequests, appHeap);
        }

        static SystemSizes quick() {
            return new SystemSizes(16, 100_000, 4_000, 5, 8, Duration.ofSeconds(30), 10, 4, 16, 5_000, 40_000, "3g");
        }

        static SystemSizes smoke() {
            return new SystemSizes(16, 1_000, 1_000, 2, 8, Duration.ofSeconds(5), 1, 4, 16, 500, 2_000, "2g");
        }

        static SystemSizes full() {
            return new SystemSizes(16, 100_000, 16_000, 3, 8, Duration.ofSeconds(60), 92, 4, 16, 20_000, 200_000, "6g");
        }
    }

    Map<String, Object> run() throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        if (!Files.isRegularFile(context.registryJar())) {
            throw new IllegalStateException(context.registryJar() + " is missing: ./mvnw -q -B -o package -DskipTests");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("bench/target/standalone.log");
        Files.createDirectories(log.getParent());
        MongoDatabase appDatabase = client.getDatabase("bench_registry");
        appDatabase.drop();
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + sizes.appHeap(), "-XX:+UseG1GC",
                "-Xlog:gc:file=bench/target/standalone-gc.log:uptime,time"));
        String extra = System.getenv("BENCH_APP_JVM");
        if (extra != null && !extra.isBlank()) {
            jvm.addAll(List.of(extra.trim().split("\\s+")));
        }
        Bench.log("system: starting the standalone application (%s) on port %d, log %s", String.join(" ", jvm), port, log);
        long started = System.nanoTime();
        app = StandaloneApp.start(context.registryJar(), context.mongodbUri(), port, log, jvm,
                "--registry.mongodb.database=bench_registry", "--logging.level.root=WARN");
        try {
            app.awaitReady("actuator/health", Duration.ofMinutes(3));
            Bench.log("system: application ready after %.1f s", (System.nanoTime() - started) / 1e9);
            admin = new RegistryHttp(app.baseUri(), "admin", "demo");
            setUp();
            if (scenarios.contains("commands")) {
                result.put("commands", commands());
            }
            if (scenarios.contains("lag")) {
                result.put("lag", lag());
            }
            if (scenarios.contains("lookup")) {
                result.put("lookup", lookup());
            }
            Map<String, Object> application = new LinkedHashMap<>();
            application.put("jvm", String.join(" ", jvm));
            application.put("rss_mb", app.rssMb());
            application.put("peak_rss_mb", app.peakRssMb());
            // last: it forces a full collection of the application
            application.put("live_heap", app.liveHeap(8));
            application.put("municipalities", municipalities.size());
            application.put("services", commandServices.size() + bulkServices.size());
            result.put("application", application);
        } finally {
            app.close();
            appDatabase.drop();
        }
        return result;
    }

    // ---------------------------------------------------------------- set-up

    private void setUp() throws Exception {
        long t0 = System.nanoTime();
        byte[] directory = directoryFile != null ? Files.readAllBytes(directoryFile) : OfficialDirectory.bytes();
        // no charset declared: the shipped copy is UTF-8, Destatis's own file ISO-8859-1, and the registry tells them
        // apart by the bytes (a declared charset it honours, and refuses bytes that do not decode in it)
        RegistryHttp.Answer imported = admin.post("api/v1/admin/municipalities/import", directory,
                "text/plain", Duration.ofMinutes(15)).expect(200);
        Bench.log("system: imported the municipality directory in %.1f s: %s", (System.nanoTime() - t0) / 1e9, imported.body());
        admin.post("api/v1/cooperations", Map.of("name", "Bench cooperation of all states",
                "foundingStates", List.of(STATES), "signedOn", "2020-01-01")).expect(201);
        int pairsNeeded = sizes.commandWarmup() + sizes.commandsPerRound() * sizes.commandRounds()
                + (int) (sizes.lagDuration().toSeconds() * 2_000);
        int commandServiceCount = Math.max(1, (int) Math.ceil(pairsNeeded / 10_000.0));
        int total = commandServiceCount + sizes.bulkServices();
        for (int i = 0; i < total; i++) {
            String leika = String.format("99%012d", 500_000L + i);
            String serviceId = admin.post("api/v1/services", Map.of("leikaKey", leika, "name", "Bench service " + i,
                    "providingState", STATES[i % STATES.length], "reuse", "EFA")).expect(201).json().path("serviceId").asText();
            admin.post("api/v1/services/" + serviceId + "/versions", Map.of("version", "1.0.0", "maturityLevel", 3,
                    "releasedOn", "2020-01-01")).expect(201);
            (i < commandServiceCount ? commandServices : bulkServices).add(serviceId);
        }
        awaitProjections(Duration.ofMinutes(10));
        List<String> ags = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode body = admin.get("api/v1/municipalities?page=" + page + "&size=500", -1).expect(200).json();
            body.path("items").forEach(m -> ags.add(m.path("ags").asText()));
            if (body.path("items").size() < 500) {
                break;
            }
        }
        Collections.shuffle(ags, new Random(42));
        municipalities = List.copyOf(ags);
        Bench.log("system: set up %d municipalities, %d services for commands, %d for the bulk load in %.1f s",
                municipalities.size(), commandServices.size(), bulkServices.size(), (System.nanoTime() - t0) / 1e9);
    }

    /** Waits until every projection reports lag 0; returns how long that took. */
    private double awaitProjections(Duration timeout) throws Exception {
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        while (true) {
            JsonNode projections = admin.get("api/v1/admin/projections", -1).expect(200).json();
            long maxLag = 0;
            for (JsonNode p : projections) {
                maxLag = Math.max(maxLag, p.path("lag").asLong());
            }
            if (maxLag == 0) {
                return (System.nanoTime() - t0) / 1e9;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("projections did not catch up within " + timeout + ": " + projections);
            }
            Thread.sleep(200);
        }
    }

    private Map<String, Object> adoptionBody(int pair) {
        int m = pair % municipalities.size();
        int s = pair / municipalities.size();
        if (s >= commandServices.size()) {
            throw new IllegalStateException("ran out of (service, municipality) pairs for commands");
        }
        return Map.of("serviceId", commandServices.get(s), "ags", municipalities.get(m), "effectiveFrom", EFFECTIVE_FROM);
    }

    // ---------------------------------------------------------------- commands

    private record Round(double perSecond, List<Long> latencies, int errors) {
    }

    /** One client's request in a round: it answers with the status the round expects, or the round counts an error. */
    private interface ClientRequest {
        RegistryHttp.Answer send(RegistryHttp http) throws Exception;
    }

    /**
     * Requests per part of the warm-up. The parts' rates are logged and kept in the result, so that a reader sees
     * whether the warm-up was long enough: the registry's rates rise for tens of thousands of adoptions while C2
     * compiles its code (on two cores the compiler competes with the requests for them).
     */
    private static final int WARMUP_PART = 10_000;

    private Map<String, Object> warmupRates = Map.of();

    private interface RoundRun {
        Round run(int requests) throws Exception;
    }

    /** Runs the warm-up in parts of at most {@value #WARMUP_PART}; returns the parts' rates. */
    private List<Double> warmUp(String contender, RoundRun part) throws Exception {
        List<Double> rates = new ArrayList<>();
        for (int done = 0; done < sizes.commandWarmup(); done += WARMUP_PART) {
            rates.add(Stats.rate(part.run(Math.min(WARMUP_PART, sizes.commandWarmup() - done)).perSecond()));
        }
        Bench.log("system commands: warm-up %s %s /s", contender, rates);
        return rates;
    }

    private Round commandRound(URI base, AtomicInteger pairs, int count) throws Exception {
        return clientRound(base, count, 201, http -> http.post("api/v1/adoptions", adoptionBody(pairs.getAndIncrement())));
    }

    /**
     * The framework floor: an authenticated request through the same Tomcat, Spring Security (HTTP Basic), Spring MVC,
     * observation and Jackson as an adoption, that reads nothing and writes nothing ({@code GET /actuator/info}).
     * An adoption passes through all of this and then does its own work (and has a body to read), so this rate is
     * roughly what the framework alone leaves for it on this machine.
     */
    private Round floorRound(URI base, int count) throws Exception {
        return clientRound(base, count, 200, http -> http.get("actuator/info", -1));
    }

    private Round clientRound(URI base, int count, int expectedStatus, ClientRequest request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(sizes.clients());
        AtomicInteger remaining = new AtomicInteger(count);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        List<String> errorBodies = Collections.synchronizedList(new ArrayList<>());
        List<Callable<Void>> clients = new ArrayList<>();
        for (int c = 0; c < sizes.clients(); c++) {
            clients.add(() -> {
                RegistryHttp http = new RegistryHttp(base, "admin", "demo");
                while (remaining.getAndDecrement() > 0) {
                    long t = System.nanoTime();
                    RegistryHttp.Answer answer = request.send(http);
                    latencies.add(System.nanoTime() - t);
                    if (answer.status() != expectedStatus) {
                        errors.incrementAndGet();
                        if (errorBodies.size() < 3) {
                            errorBodies.add(answer.status() + " " + answer.body());
                        }
                    }
                }
                return null;
            });
        }
        long t0 = System.nanoTime();
        for (Future<Void> f : pool.invokeAll(clients)) {
            f.get();
        }
        long elapsed = System.nanoTime() - t0;
        pool.shutdown();
        if (!errorBodies.isEmpty()) {
            Bench.log("system: %d requests failed, e.g. %s", errors.get(), errorBodies);
        }
        return new Round(Stats.perSecond(count, elapsed), new ArrayList<>(latencies), errors.get());
    }

    private Map<String, Object> commands() throws Exception {
        MongoDatabase baselineDb = client.getDatabase("bench_baseline");
        baselineDb.drop();
        List<Double> appRates = new ArrayList<>();
        List<Double> baseRates = new ArrayList<>();
        List<Long> appLatencies = new ArrayList<>();
        List<Long> baseLatencies = new ArrayList<>();
        int appErrors = 0;
        int baseErrors = 0;
        long cpuApp = 0;
        long cpuBenchApp = 0;
        long cpuBenchBaseline = 0;
        List<Double> floorRates = new ArrayList<>();
        int floorErrors = 0;
        long cpuFloor = 0;
        try (BaselineEndpoint baseline = new BaselineEndpoint(baselineDb.getCollection("adoptions"), sizes.clients())) {
            Bench.log("system commands: warm-up, %d requests each, in parts of %d", sizes.commandWarmup(), WARMUP_PART);
            Map<String, Object> warmup = new LinkedHashMap<>();
            warmup.put("registry", warmUp("registry", n -> commandRound(app.baseUri(), nextPair, n)));
            warmup.put("baseline", warmUp("baseline", n -> commandRound(baseline.baseUri(), nextBaselinePair, n)));
            warmup.put("framework_floor", warmUp("framework floor", n -> floorRound(app.baseUri(), n)));
            warmupRates = warmup;
            for (int r = 0; r < sizes.commandRounds(); r++) {
                boolean appFirst = r % 2 == 0;
                for (int turn = 0; turn < 2; turn++) {
                    if ((turn == 0) == appFirst) {
                        long cpu0 = app.cpuNanos();
                        long benchCpu0 = Stats.processCpuNanos();
                        Round round = commandRound(app.baseUri(), nextPair, sizes.commandsPerRound());
                        cpuApp += app.cpuNanos() - cpu0;
                        cpuBenchApp += Stats.processCpuNanos() - benchCpu0;
                        appRates.add(round.perSecond());
                        appLatencies.addAll(round.latencies());
                        appErrors += round.errors();
                        Bench.log("system commands: round %d registry %.0f/s (p50 %.1f ms, p99 %.1f ms, %d errors)", r + 1,
                                round.perSecond(), percentileMs(round.latencies(), 50), percentileMs(round.latencies(), 99), round.errors());
                    } else {
                        long benchCpu0 = Stats.processCpuNanos();
                        Round round = commandRound(baseline.baseUri(), nextBaselinePair, sizes.commandsPerRound());
                        cpuBenchBaseline += Stats.processCpuNanos() - benchCpu0;
                        baseRates.add(round.perSecond());
                        baseLatencies.addAll(round.latencies());
                        baseErrors += round.errors();
                        Bench.log("system commands: round %d baseline %.0f/s (p50 %.1f ms, p99 %.1f ms, %d errors)", r + 1,
                                round.perSecond(), percentileMs(round.latencies(), 50), percentileMs(round.latencies(), 99), round.errors());
                    }
                }
                long cpu0 = app.cpuNanos();
                Round floor = floorRound(app.baseUri(), sizes.commandsPerRound());
                cpuFloor += app.cpuNanos() - cpu0;
                floorRates.add(floor.perSecond());
                floorErrors += floor.errors();
                Bench.log("system commands: round %d framework floor %.0f/s (p50 %.1f ms, p99 %.1f ms, %d errors)", r + 1,
                        floor.perSecond(), percentileMs(floor.latencies(), 50), percentileMs(floor.latencies(), 99), floor.errors());
            }
        } finally {
            baselineDb.drop();
        }
        double app = Stats.median(appRates);
        double base = Stats.median(baseRates);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("per_s", Stats.rate(app));
        result.put("baseline_per_s", Stats.rate(base));
        result.put("ratio", Stats.ratio(app, base));
        result.put("p50_ms", percentileMs(appLatencies, 50));
        result.put("p99_ms", percentileMs(appLatencies, 99));
        result.put("clients", sizes.clients());
        result.put("baseline_p50_ms", percentileMs(baseLatencies, 50));
        result.put("baseline_p99_ms", percentileMs(baseLatencies, 99));
        result.put("adoptions_per_round", sizes.commandsPerRound());
        result.put("rounds", Map.of("registry", appRates.stream().map(Stats::rate).toList(),
                "baseline", baseRates.stream().map(Stats::rate).toList()));
        result.put("errors", Map.of("registry", appErrors, "baseline", baseErrors));
        result.put("warmup_per_s", warmupRates);
        result.put("app_cpu_us_per_command", Stats.cpuMicros(cpuApp, (long) sizes.commandsPerRound() * sizes.commandRounds()));
        // the bench JVM's CPU in the same rounds: the embedded server (when it is the store) and the 16 clients
        result.put("bench_cpu_us_per_command", Stats.cpuMicros(cpuBenchApp, (long) sizes.commandsPerRound() * sizes.commandRounds()));
        result.put("bench_cpu_us_per_baseline_request",
                Stats.cpuMicros(cpuBenchBaseline, (long) sizes.commandsPerRound() * sizes.commandRounds()));
        double floor = Stats.median(floorRates);
        result.put("framework_floor_per_s", Stats.rate(floor));
        result.put("framework_floor_ratio", Stats.ratio(floor, base));
        result.put("framework_floor_rounds", floorRates.stream().map(Stats::rate).toList());
        result.put("framework_floor_errors", floorErrors);
        result.put("framework_floor_app_cpu_us", Stats.cpuMicros(cpuFloor, (long) sizes.commandsPerRound() * sizes.commandRounds()));
        return result;
    }

    // ---------------------------------------------------------------- lag

    private Map<String, Object> lag() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(sizes.lagClients());
        ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> allProjections = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> commandLatencies = new ConcurrentLinkedQueue<>();
        AtomicInteger invisible = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long end = System.nanoTime() + sizes.lagDuration().toNanos();
        Bench.log("system lag: %d clients adopting for %d s, each reading its adoption back", sizes.lagClients(),
                sizes.lagDuration().toSeconds());
        List<Callable<Void>> clients = new ArrayList<>();
        for (int c = 0; c < sizes.lagClients(); c++) {
            clients.add(() -> {
                RegistryHttp http = new RegistryHttp(app.baseUri(), "admin", "demo");
                while (System.nanoTime() < end) {
                    Map<String, Object> body = adoptionBody(nextPair.getAndIncrement());
                    long t = System.nanoTime();
                    RegistryHttp.Answer written = http.post("api/v1/adoptions", body);
                    long acknowledged = System.nanoTime();
                    commandLatencies.add(acknowledged - t);
                    if (written.status() != 201 || written.position() < 0) {
                        errors.incrementAndGet();
                        continue;
                    }
                    // poll the lookup (no consistency header) until it shows the adoption: the lookup's own lag
                    String path = "api/v1/lookup/" + body.get("ags");
                    String serviceId = (String) body.get("serviceId");
                    long visible = -1;
                    while (System.nanoTime() - acknowledged < 10_000_000_000L) {
                        RegistryHttp.Answer read = http.get(path, -1);
                        if (read.status() == 200 && read.body().contains(serviceId)) {
                            visible = System.nanoTime();
                            break;
                        }
                        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                    }
                    if (visible < 0) {
                        invisible.incrementAndGet();
                        continue;
                    }
                    lags.add(visible - acknowledged);
                    // then the read a client would make: Registry-Min-Position waits for every projection
                    RegistryHttp.Answer consistent = http.get(path, written.position());
                    if (consistent.status() == 200) {
                        allProjections.add(System.nanoTime() - acknowledged);
                    }
                }
                return null;
            });
        }
        long t0 = System.nanoTime();
        for (Future<Void> f : pool.invokeAll(clients)) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        List<Long> samples = new ArrayList<>(lags);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("p50_ms", percentileMs(samples, 50));
        result.put("p99_ms", percentileMs(samples, 99));
        result.put("max_ms", percentileMs(samples, 100));
        result.put("samples", samples.size());
        List<Long> all = new ArrayList<>(allProjections);
        result.put("min_position_p50_ms", percentileMs(all, 50));
        result.put("min_position_p99_ms", percentileMs(all, 99));
        result.put("clients", sizes.lagClients());
        result.put("commands_per_s", Stats.rate(commandLatencies.size() / seconds));
        result.put("command_p50_ms", percentileMs(new ArrayList<>(commandLatencies), 50));
        result.put("command_p99_ms", percentileMs(new ArrayList<>(commandLatencies), 99));
        result.put("not_visible", invisible.get());
        result.put("errors", errors.get());
        Bench.log("system lag: %s", result);
        return result;
    }

    // ---------------------------------------------------------------- lookup

    private Map<String, Object> lookup() throws Exception {
        // one request per (service, state); services interleaved so that parallel requests touch different states
        List<String[]> tasks = new ArrayList<>();
        for (String serviceId : bulkServices) {
            for (String state : STATES) {
                tasks.add(new String[]{serviceId, state});
            }
        }
        Bench.log("system lookup: loading %d services × %d municipalities with %d bulk requests, %d in parallel",
                bulkServices.size(), municipalities.size(), tasks.size(), sizes.bulkParallel());
        AtomicInteger next = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(sizes.bulkParallel());
        List<Callable<Void>> loaders = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < sizes.bulkParallel(); c++) {
            loaders.add(() -> {
                RegistryHttp http = new RegistryHttp(app.baseUri(), "admin", "demo");
                int i;
                while ((i = next.getAndIncrement()) < tasks.size()) {
                    String[] task = tasks.get(i);
                    JsonNode answer = http.post("api/v1/adoptions/bulk", RegistryHttp.JSON.writeValueAsString(Map.of(
                                    "serviceId", task[0], "effectiveFrom", EFFECTIVE_FROM, "state", task[1])),
                            "application/json", Duration.ofMinutes(30)).expect(200).json();
                    accepted.addAndGet(answer.path("accepted").asLong());
                    rejected.addAndGet(answer.path("rejected").size());
                    if ((i + 1) % 64 == 0) {
                        Bench.log("system lookup: %d of %d bulk requests, %d adoptions, %.0f/s", i + 1, tasks.size(),
                                accepted.get(), accepted.get() / ((System.nanoTime() - t0) / 1e9));
                    }
                }
                return null;
            });
        }
        for (Future<Void> f : pool.invokeAll(loaders)) {
            f.get();
        }
        pool.shutdown();
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        double catchUp = awaitProjections(Duration.ofMinutes(30));
        long adoptions = accepted.get() + nextPair.get();
        Bench.log("system lookup: %d bulk adoptions (%d rejected) in %.0f s (%.0f/s); projections caught up %.1f s later; "
                + "%d adoptions in the register", accepted.get(), rejected.get(), loadSeconds, accepted.get() / loadSeconds, catchUp, adoptions);

        // closed loop: N readers, each sending its next request when the last one answered — the saturation rate,
        // and latencies that are mostly queueing behind the other readers on these cores
        readLookups(sizes.lookupWarmup(), 1);
        long cpu0 = app.cpuNanos();
        long r0 = System.nanoTime();
        List<Long> latencies = readLookups(sizes.lookupRequests(), 2);
        double seconds = (System.nanoTime() - r0) / 1e9;
        long cpu = app.cpuNanos() - cpu0;
        double saturation = latencies.size() / seconds;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("adoptions", adoptions);
        result.put("per_s", Stats.rate(saturation));
        result.put("p50_ms", percentileMs(latencies, 50));
        result.put("p99_ms", percentileMs(latencies, 99));
        result.put("readers", sizes.readers());
        result.put("requests", latencies.size());
        result.put("municipalities", municipalities.size());
        result.put("services_per_municipality", Math.round(adoptions * 10.0 / municipalities.size()) / 10.0);
        result.put("app_cpu_us_per_request", Stats.cpuMicros(cpu, latencies.size()));
        result.put("open_loop", openLoop(saturation * OPEN_LOOP_SHARE, sizes.lookupRequests() / 2, 3));
        result.put("analyst_reads", analystReads());
        result.put("bulk_load", Map.of("adoptions", accepted.get(), "rejected", rejected.get(),
                "seconds", Math.round(loadSeconds), "per_s", Stats.rate(accepted.get() / loadSeconds),
                "projection_catch_up_s", Math.round(catchUp * 10) / 10.0));
        Bench.log("system lookup: %s", result);
        return result;
    }

    /** Timed requests per analysts' read, after {@link #ANALYST_WARMUP} untimed ones. */
    private static final int ANALYST_REQUESTS = 10;
    private static final int ANALYST_WARMUP = 2;

    /**
     * The analysts' reads over the whole register, one client, one request at a time: statistics and a service's
     * adoptions gather documents of every district (of a state, or of all), so their cost grows with the register and
     * with how finely its documents are keyed, not with one municipality.
     */
    private Map<String, Object> analystReads() throws Exception {
        String service = bulkServices.get(0);
        List<String> paths = List.of("api/v1/stats/coverage", "api/v1/stats/coverage?groupBy=district",
                "api/v1/stats/coverage?serviceId=" + service + "&groupBy=district", "api/v1/stats/cross-border",
                "api/v1/stats/timeline?from=2023-01-01&to=2024-12-31&interval=month", "api/v1/services/" + service,
                "api/v1/services/" + service + "/adoptions?state=09&size=100");
        Map<String, Object> reads = new LinkedHashMap<>();
        for (String path : paths) {
            List<Long> latencies = new ArrayList<>();
            int chars = 0;
            for (int i = 0; i < ANALYST_WARMUP + ANALYST_REQUESTS; i++) {
                long t = System.nanoTime();
                RegistryHttp.Answer answer = admin.get(path, -1);
                long elapsed = System.nanoTime() - t;
                if (answer.status() != 200) {
                    throw new IllegalStateException(path + " answered " + answer.status() + ": " + answer.body());
                }
                if (i >= ANALYST_WARMUP) {
                    latencies.add(elapsed);
                }
                chars = answer.body().length();
            }
            Map<String, Object> read = new LinkedHashMap<>();
            read.put("p50_ms", percentileMs(latencies, 50));
            read.put("max_ms", percentileMs(latencies, 100));
            read.put("chars", chars);
            reads.put(path.replace(service, "{bulkService}"), read);
        }
        Bench.log("system lookup: analysts' reads %s", reads);
        return reads;
    }

    /** The open-loop rate as a share of the closed loop's measured rate (its saturation on this machine). */
    static final double OPEN_LOOP_SHARE = 0.5;
    /** Enough senders that a slow answer never delays the next send at the open-loop rate. */
    private static final int OPEN_LOOP_SENDERS = 64;

    /**
     * Lookups at a fixed offered rate: request i is due at {@code start + i / rate}, whatever became of the earlier
     * ones, and its latency counts from that due time, not from when a sender got round to it — so a stall shows as
     * the queue it builds (no coordinated omission). Senders take the due requests in order; a request that found
     * no free sender waits, and that wait is in its latency too.
     */
    private Map<String, Object> openLoop(double rate, int count, long seed) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(OPEN_LOOP_SENDERS);
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger late = new AtomicInteger();
        double intervalNanos = 1e9 / rate;
        List<String> order = new ArrayList<>(count);
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            order.add(municipalities.get(random.nextInt(municipalities.size())));
        }
        Bench.log("system lookup: open loop, %d requests at %.0f/s (%.0f%% of the closed loop's rate)", count, rate,
                OPEN_LOOP_SHARE * 100);
        List<Callable<Void>> senders = new ArrayList<>();
        for (int c = 0; c < OPEN_LOOP_SENDERS; c++) {
            senders.add(() -> {
                RegistryHttp http = new RegistryHttp(app.baseUri(), "admin", "demo");
                // one unmeasured request opens this sender's connection before the clock starts
                http.get("api/v1/lookup/" + municipalities.get(0), -1);
                return null;
            });
        }
        for (Future<Void> f : pool.invokeAll(senders)) {
            f.get();
        }
        senders.clear();
        long cpu0 = app.cpuNanos();
        StallWatch stalls = new StallWatch();
        long start = System.nanoTime() + 20_000_000L;
        java.time.Instant startedAt = java.time.Instant.now().plusMillis(20);
        for (int c = 0; c < OPEN_LOOP_SENDERS; c++) {
            senders.add(() -> {
                RegistryHttp http = new RegistryHttp(app.baseUri(), "admin", "demo");
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    long due = start + (long) (i * intervalNanos);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    } else if (wait < -1_000_000L) {
                        late.incrementAndGet();
                    }
                    RegistryHttp.Answer answer = http.get("api/v1/lookup/" + order.get(i), -1);
                    latencies[i] = System.nanoTime() - due;
                    if (answer.status() != 200) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            });
        }
        for (Future<Void> f : pool.invokeAll(senders)) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = app.cpuNanos() - cpu0;
        Map<String, Object> stalled = stalls.result();
        pool.shutdown();
        int worst = 0;
        for (int i = 1; i < count; i++) {
            worst = latencies[i] > latencies[worst] ? i : worst;
        }
        // when the slowest request was due, to find it in the collector logs
        stalled.put("slowest_request_due_at", String.valueOf(startedAt.plusNanos((long) (worst * intervalNanos))));
        if (errors.get() > 0) {
            throw new IllegalStateException(errors.get() + " open-loop lookups failed");
        }
        List<Long> all = new ArrayList<>(count);
        for (long latency : latencies) {
            all.add(latency);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("share_of_closed_loop_rate", OPEN_LOOP_SHARE);
        result.put("offered_per_s", Stats.rate(rate));
        result.put("achieved_per_s", Stats.rate(count / seconds));
        result.put("p50_ms", percentileMs(all, 50));
        result.put("p99_ms", percentileMs(all, 99));
        result.put("p999_ms", percentileMs(all, 99.9));
        result.put("max_ms", percentileMs(all, 100));
        result.put("requests", count);
        result.put("sent_late_over_1ms", late.get());
        result.put("app_cpu_us_per_request", Stats.cpuMicros(cpu, count));
        result.put("stalls", stalled);
        Bench.log("system lookup: open loop %s", result);
        return result;
    }

    private List<Long> readLookups(int count, long seed) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(sizes.readers());
        AtomicInteger remaining = new AtomicInteger(count);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        List<Callable<Void>> readers = new ArrayList<>();
        for (int c = 0; c < sizes.readers(); c++) {
            Random random = new Random(seed * 1000 + c);
            readers.add(() -> {
                RegistryHttp http = new RegistryHttp(app.baseUri(), "admin", "demo");
                while (remaining.getAndDecrement() > 0) {
                    String ags = municipalities.get(random.nextInt(municipalities.size()));
                    long t = System.nanoTime();
                    RegistryHttp.Answer answer = http.get("api/v1/lookup/" + ags, -1);
                    latencies.add(System.nanoTime() - t);
                    if (answer.status() != 200) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            });
        }
        for (Future<Void> f : pool.invokeAll(readers)) {
            f.get();
        }
        pool.shutdown();
        if (errors.get() > 0) {
            throw new IllegalStateException(errors.get() + " lookups failed");
        }
        return new ArrayList<>(latencies);
    }

    static Double percentileMs(List<Long> nanos, double percentile) {
        if (nanos.isEmpty()) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        long value = sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        return Math.round(value / 1e4) / 100.0;
    }
}
