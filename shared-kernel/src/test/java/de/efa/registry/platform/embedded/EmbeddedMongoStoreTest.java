package de.efa.registry.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

class EmbeddedMongoStoreTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void quiet() {
        QuietLogging.apply();
    }

    @Test
    void memoryStoreInsertsAndFindsById() {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.inMemory();
             MongoClient client = MongoClients.create(store.connectionString())) {
            assertThat(store.connectionString()).startsWith("mongodb://127.0.0.1:");
            MongoCollection<Document> things = client.getDatabase("smoke").getCollection("things");
            things.insertOne(new Document("_id", "a-1").append("name", "Alpha"));

            Document found = things.find(new Document("_id", "a-1")).first();

            assertThat(found).isNotNull();
            assertThat(found.getString("name")).isEqualTo("Alpha");
        }
    }

    @Test
    void uniqueIndexIsEnforcedAfterRestart() {
        Path dataDir = dir.resolve("unique");
        try (EmbeddedMongoStore store = EmbeddedMongoStore.onDisk(dataDir);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> streams = client.getDatabase("reg").getCollection("streams");
            streams.createIndex(Indexes.ascending("streamKey"), new IndexOptions().unique(true));
            streams.insertOne(new Document("_id", 1).append("streamKey", "agg-1/0"));
        }

        try (EmbeddedMongoStore store = EmbeddedMongoStore.onDisk(dataDir);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> streams = client.getDatabase("reg").getCollection("streams");
            assertThat(streams.countDocuments()).isEqualTo(1);

            assertThatThrownBy(() -> streams.insertOne(new Document("_id", 2).append("streamKey", "agg-1/0")))
                .isInstanceOfSatisfying(MongoWriteException.class,
                    e -> assertThat(e.getError().getCode()).isEqualTo(11000));
            assertThat(streams.countDocuments()).isEqualTo(1);
        }
    }

    /**
     * A full cursor scan while another client keeps committing and compaction runs: with retention time 0 only the
     * registered read version keeps the chunks the scan still needs.
     */
    @Test
    void longScanSurvivesConcurrentWritesAndCompaction() throws Exception {
        int documents = Integer.getInteger("embedded.scanTest.documents", 20_000);
        try (EmbeddedMongoStore store = EmbeddedMongoStore.onDisk(dir.resolve("scan"), 0, 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("reg").getCollection("events");
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < documents; i++) {
                batch.add(new Document("_id", i).append("n", i));
                if (batch.size() == 1_000) {
                    events.insertMany(batch);
                    batch = new ArrayList<>();
                }
            }
            if (!batch.isEmpty()) {
                events.insertMany(batch);
            }

            AtomicBoolean scanning = new AtomicBoolean(true);
            AtomicInteger extraWrites = new AtomicInteger();
            MongoCollection<Document> other = client.getDatabase("reg").getCollection("other");
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                // rewrite existing documents too, so the scanned pages go out of use while the scan runs
                for (int i = 0; scanning.get(); i++) {
                    other.insertOne(new Document("_id", i).append("pad", "y".repeat(200)));
                    events.updateOne(new Document("_id", i % documents),
                        new Document("$set", new Document("touched", i)));
                    if (i % 10 == 0) {
                        store.compactNow();
                    }
                    extraWrites.incrementAndGet();
                }
            });

            // the scan starts while the writer is busy committing and compacting
            await().atMost(Duration.ofSeconds(30)).until(() -> extraWrites.get() >= 20);
            Set<Integer> seen = new HashSet<>();
            try (MongoCursor<Document> cursor = events.find().batchSize(1_000).iterator()) {
                while (cursor.hasNext()) {
                    seen.add(cursor.next().getInteger("_id"));
                    if (seen.size() % 5_000 == 0) {
                        store.compactNow();
                    }
                }
            } finally {
                scanning.set(false);
            }
            writer.get();

            assertThat(seen).hasSize(documents);
            assertThat(extraWrites.get()).isPositive();
            System.out.printf("scan test: %d documents, %d concurrent writes, file %d bytes, %d commits%n",
                documents, extraWrites.get(), store.fileSize(), store.commitCount());
        }
    }
}
