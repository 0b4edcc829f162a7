package de.efa.registry.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.efa.registry.embedded.EmbeddedMongoStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the benchmarks side by side on one MongoDB server — an in-process memory-backed embedded server by default,
 * or the one named by {@code --mongodb-uri} — and writes {@code bench/results/<mode>.json}.
 * <pre>
 *   java -Xmx8g -jar bench/target/bench.jar --quick|--full [--mongodb-uri URI] [--out DIR] [--only append|replay|system|commands|lag|lookup|germany]
 *   java -Xmx8g -jar bench/target/bench.jar --serve
 * </pre>
 * {@code --serve} runs the embedded server alone, in a process of its own, until killed: a bench run given its URI
 * then measures with the server outside the bench JVM (and, with {@code taskset}, on a core of its own).
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        try {
            if (args.length > 0 && args[0].equals("--serve")) {
                serve();
            }
            run(args);
        } catch (Exception | Error e) {
            e.printStackTrace();
            // threads of HTTP clients or a half-started scenario must not keep a failed run (and its heap) alive
            System.exit(1);
        }
        System.exit(0);
    }

    /** The embedded server (memory backend, as in a bench run) on 127.0.0.1, a free port, until the process is killed. */
    private static void serve() throws InterruptedException {
        EmbeddedMongoStore store = EmbeddedMongoStore.inMemory();
        Bench.log("serving %s until killed", store.connectionString());
        new java.util.concurrent.CountDownLatch(1).await();
    }

    private static void run(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.quick();
        String uri = null;
        Path out = Path.of("bench/results");
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> settings = BenchSettings.quick();
                case "--full" -> settings = BenchSettings.full();
                case "--smoke" -> settings = BenchSettings.smoke();
                case "--mongodb-uri" -> uri = args[++i];
                case "--out" -> out = Path.of(args[++i]);
                case "--only" -> only = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (use --quick|--full [--mongodb-uri URI] [--out DIR] [--only append|replay|system|commands|lag|lookup|germany])");
            }
        }
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("mode", settings.mode());
        result.put("started", started.toString());
        result.put("machine", Machine.describe());

        EmbeddedMongoStore embedded = uri == null ? EmbeddedMongoStore.inMemory() : null;
        String serverUri = uri == null ? embedded.connectionString() : uri;
        result.put("server", uri == null ? "embedded mongo-java-server 1.47.0, memory backend, in-process, 127.0.0.1"
                : "external: " + redact(uri));
        Bench.log("benchmark %s on %s", settings.mode(), result.get("server"));
        MongoClientSettings clientSettings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(serverUri))
                .applyToConnectionPoolSettings(pool -> pool.maxSize(64))
                .build();
        try (MongoClient client = MongoClients.create(clientSettings)) {
            if (only == null || only.equals("append")) {
                result.put("append", new AppendBenchmark(client, settings).run());
            }
            if (only == null || only.equals("replay")) {
                result.put("replay", new ReplayBenchmark(client, settings).run());
            }
            SystemScenario.BenchContext context = new SystemScenario.BenchContext(serverUri, settings,
                    Path.of("standalone/target/registry.jar"));
            if ("germany".equals(only)) {
                result.put("germany", new GermanyBenchmark(context).run());
            } else if (only == null || only.equals("system")) {
                result.putAll(new SystemBenchmark(client, context, SystemBenchmark.SCENARIOS).run());
            } else if (SystemBenchmark.SCENARIOS.contains(only)) {
                result.putAll(new SystemBenchmark(client, context, List.of(only)).run());
            }
        } finally {
            Map<String, Object> memory = new LinkedHashMap<>();
            memory.put("rss_mb", Machine.statusMb("VmRSS"));
            memory.put("peak_rss_mb", Machine.statusMb("VmHWM"));
            memory.put("note", "the bench JVM, which also hosts the embedded server and its data (unless --mongodb-uri)");
            result.put("memory", memory);
            result.put("duration_s", java.time.Duration.between(started, Instant.now()).toSeconds());
            if (embedded != null) {
                embedded.close();
            }
            Files.createDirectories(out);
            Path file = out.resolve(settings.mode() + ".json");
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), result);
            Bench.log("wrote %s", file);
        }
    }

    private static String redact(String uri) {
        return uri.replaceAll("//[^@/]*@", "//***@");
    }
}
