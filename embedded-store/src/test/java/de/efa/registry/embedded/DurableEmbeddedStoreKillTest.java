package de.efa.registry.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

/** Every write the store acknowledged survives a SIGKILL of its JVM. */
class DurableEmbeddedStoreKillTest {

    private static final int WRITER_THREADS = 8;
    private static final int ACKS_BEFORE_KILL = 2_000;

    @TempDir
    Path dir;

    @BeforeAll
    static void quiet() {
        QuietLogging.apply();
    }

    @Test
    void everyAcknowledgedInsertSurvivesKillMinus9() throws Exception {
        Path dataDir = dir.resolve("data");
        ProcessBuilder builder = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m",
            "-cp", System.getProperty("java.class.path"),
            KillTestWriterMain.class.getName(),
            dataDir.toString(),
            Integer.toString(WRITER_THREADS));
        builder.redirectError(dir.resolve("child-stderr.log").toFile());
        Process child = builder.start();

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean ready = new AtomicBoolean();
        AtomicLong firstAckNanos = new AtomicLong();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.equals("READY")) {
                        ready.set(true);
                    } else if (line.startsWith("ACK ")) {
                        firstAckNanos.compareAndSet(0, System.nanoTime());
                        acknowledged.add(line.substring(4));
                    }
                }
            } catch (java.io.IOException endOfStream) {
                // the child was killed
            }
        }, "child-stdout");
        reader.start();

        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> acknowledged.size() >= ACKS_BEFORE_KILL || !child.isAlive());
            assertThat(child.isAlive()).as("writer child still running at kill time").isTrue();
            long ackedAtKill = acknowledged.size();
            double seconds = (System.nanoTime() - firstAckNanos.get()) / 1e9;
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            System.out.printf("kill test: %d acknowledged inserts in %.1f s = %.0f inserts/s (%d threads)%n",
                ackedAtKill, seconds, ackedAtKill / seconds, WRITER_THREADS);
        } finally {
            child.destroyForcibly();
        }
        reader.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(reader.isAlive()).isFalse();
        assertThat(ready).isTrue();
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);

        try (EmbeddedMongoStore store = EmbeddedMongoStore.onDisk(dataDir);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("kill").getCollection("events");
            Set<String> found = new HashSet<>();
            List<String> ids = new ArrayList<>(acknowledged);
            for (int from = 0; from < ids.size(); from += 1_000) {
                List<String> slice = ids.subList(from, Math.min(ids.size(), from + 1_000));
                for (Document doc : events.find(Filters.in("_id", slice)).batchSize(1_000)) {
                    found.add(doc.getString("_id"));
                }
            }
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(found);
            assertThat(lost).as("acknowledged but lost after kill -9").isEmpty();
            // the store was writing when it was killed: it holds at least what it acknowledged
            assertThat(events.countDocuments()).isGreaterThanOrEqualTo(acknowledged.size());
        }
    }
}
