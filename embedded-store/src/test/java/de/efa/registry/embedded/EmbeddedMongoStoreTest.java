package de.efa.registry.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
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

import com.mongodb.MongoNamespace;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoDatabase;
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

    @Test
    void everyKindOfChangeComesBackAfterACheckpointAndARestart() {
        Path dataDir = dir.resolve("changes");
        try (EmbeddedMongoStore store = EmbeddedMongoStore.onDisk(dataDir);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoDatabase reg = client.getDatabase("reg");
            MongoCollection<Document> things = reg.getCollection("things");
            for (int i = 0; i < 10; i++) {
                things.insertOne(new Document("_id", i).append("n", i));
            }
            things.deleteOne(new Document("_id", 3));
            things.updateOne(new Document("_id", 4), new Document("$set", new Document("n", 40)));
            reg.getCollection("gone").insertOne(new Document("_id", "x"));
            reg.getCollection("old").insertOne(new Document("_id", "y"));
            store.checkpointNow();
            // after the checkpoint: changes of documents the checkpoint holds, in the new journal segment
            things.deleteOne(new Document("_id", 5));
            things.updateOne(new Document("_id", 6), new Document("$set", new Document("n", 60)));
            things.insertOne(new Document("_id", 10).append("n", 10)); // takes the free position of 3 or 5
            reg.getCollection("gone").drop();
            reg.getCollection("old").renameCollection(new MongoNamespace("reg", "renamed"));
            client.getDatabase("dropped").getCollection("c").insertOne(new Document("_id", 1));
            client.getDatabase("dropped").drop();
        }

        try (EmbeddedMongoStore store = EmbeddedMongoStore.onDisk(dataDir);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoDatabase reg = client.getDatabase("reg");
            Map<Integer, Integer> things = new TreeMap<>();
            reg.getCollection("things").find().forEach(d -> things.put(d.getInteger("_id"), d.getInteger("n")));
            assertThat(things).containsExactlyEntriesOf(new TreeMap<>(Map.of(0, 0, 1, 1, 2, 2, 4, 40, 6, 60, 7, 7,
                8, 8, 9, 9, 10, 10)));
            assertThat(reg.listCollectionNames().into(new ArrayList<>())).containsExactlyInAnyOrder("things",
                "renamed");
            assertThat(reg.getCollection("renamed").find().first()).containsEntry("_id", "y");
            assertThat(client.listDatabaseNames().into(new ArrayList<>())).doesNotContain("dropped");
            // the _id index was rebuilt from the recovered documents
            assertThatThrownBy(() -> reg.getCollection("things").insertOne(new Document("_id", 7)))
                .isInstanceOfSatisfying(MongoWriteException.class,
                    e -> assertThat(e.getError().getCode()).isEqualTo(11000));
        }
    }

    @Test
    void aUniqueIndexOverDuplicatesIsRefusedAndTheCollectionStaysUsable() {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.onDisk(dir.resolve("duplicates"));
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> things = client.getDatabase("reg").getCollection("things");
            things.insertMany(List.of(new Document("_id", 1).append("k", "same"), new Document("_id", 2).append("k", "same")));

            assertThatThrownBy(() -> things.createIndex(Indexes.ascending("k"), new IndexOptions().unique(true)))
                .isInstanceOf(com.mongodb.DuplicateKeyException.class).hasMessageContaining("E11000");

            things.insertOne(new Document("_id", 3).append("k", "same"));
            assertThat(things.countDocuments()).isEqualTo(3);
        }
    }

    @Test
    void aRecordCutShortByACrashIsDroppedAndTheStoreGoesOn() throws Exception {
        Path dataDir = dir.resolve("torn");
        try (EmbeddedMongoStore store = EmbeddedMongoStore.onDisk(dataDir);
             MongoClient client = MongoClients.create(store.connectionString())) {
            client.getDatabase("reg").getCollection("things").insertOne(new Document("_id", 1));
        }
        // what a kill -9 in the middle of a file write leaves: a header that promises more than follows
        Path segment;
        try (Stream<Path> files = Files.list(dataDir)) {
            segment = files.filter(f -> f.getFileName().toString().startsWith(Journal.SEGMENT_PREFIX)).max(
                Comparator.naturalOrder()).orElseThrow();
        }
        long intact = Files.size(segment);
        Files.write(segment, new byte[] {0, 0, 1, 0, 12, 34, 56, 78, 1, 2, 3}, StandardOpenOption.APPEND);

        for (int run = 0; run < 2; run++) {
            try (EmbeddedMongoStore store = EmbeddedMongoStore.onDisk(dataDir);
                 MongoClient client = MongoClients.create(store.connectionString())) {
                MongoCollection<Document> things = client.getDatabase("reg").getCollection("things");
                things.insertOne(new Document("_id", 2 + run));
                assertThat(things.countDocuments()).isEqualTo(2 + run);
            }
        }
        assertThat(Files.size(segment)).isEqualTo(intact);
    }

    @Test
    void aSegmentDamagedBeforeTheLastIsRefusedRatherThanSkipped() throws Exception {
        Path dataDir = dir.resolve("damaged");
        for (int run = 0; run < 2; run++) { // two runs: two segments
            try (EmbeddedMongoStore store = EmbeddedMongoStore.onDisk(dataDir);
                 MongoClient client = MongoClients.create(store.connectionString())) {
                client.getDatabase("reg").getCollection("things").insertOne(new Document("_id", run));
            }
        }
        Path first;
        try (Stream<Path> files = Files.list(dataDir)) {
            first = files.filter(f -> f.getFileName().toString().startsWith(Journal.SEGMENT_PREFIX)).min(
                Comparator.naturalOrder()).orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(first);
        bytes[bytes.length - 1] ^= 0x55; // a flipped bit in its last record: the checksum no longer fits
        Files.write(first, bytes);

        assertThatThrownBy(() -> EmbeddedMongoStore.onDisk(dataDir)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("damaged");
    }

    @Test
    void aCheckpointCutShortByACrashIsIgnoredAndTheJournalStillHoldsEverything() throws Exception {
        Path dataDir = dir.resolve("cut-checkpoint");
        try (EmbeddedMongoStore store = EmbeddedMongoStore.onDisk(dataDir);
             MongoClient client = MongoClients.create(store.connectionString())) {
            client.getDatabase("reg").getCollection("things").insertOne(new Document("_id", 1));
        }
        // what a crash while a checkpoint is written leaves: its temporary file, the segments it would replace intact
        Path temporary = dataDir.resolve(Journal.CHECKPOINT_PREFIX + "0000000002" + Journal.CHECKPOINT_SUFFIX + ".tmp");
        Files.write(temporary, new byte[] {0, 0, 0, 5, 1, 2});

        try (EmbeddedMongoStore store = EmbeddedMongoStore.onDisk(dataDir);
             MongoClient client = MongoClients.create(store.connectionString())) {
            assertThat(client.getDatabase("reg").getCollection("things").countDocuments()).isEqualTo(1);
        }
        assertThat(temporary).doesNotExist();
    }

    @Test
    void aCheckpointWithoutItsEndIsRefused() throws Exception {
        Path dataDir = dir.resolve("no-end");
        try (EmbeddedMongoStore store = EmbeddedMongoStore.onDisk(dataDir);
             MongoClient client = MongoClients.create(store.connectionString())) {
            client.getDatabase("reg").getCollection("things").insertOne(new Document("_id", 1));
            store.checkpointNow();
        }
        Path checkpoint;
        try (Stream<Path> files = Files.list(dataDir)) {
            checkpoint = files.filter(f -> f.getFileName().toString().endsWith(Journal.CHECKPOINT_SUFFIX)).findFirst()
                .orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(checkpoint);
        Files.write(checkpoint, java.util.Arrays.copyOf(bytes, bytes.length - 1)); // its last record cut short

        assertThatThrownBy(() -> EmbeddedMongoStore.onDisk(dataDir)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("incomplete");
    }

    @Test
    void aCheckpointDropsTheJournalOfOverwrittenDocuments() {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.onDisk(dir.resolve("checkpoint"));
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> things = client.getDatabase("reg").getCollection("things");
            things.insertOne(new Document("_id", 1).append("n", 0));
            String pad = "p".repeat(1_000);
            for (int i = 1; i <= 2_000; i++) {
                things.updateOne(new Document("_id", 1), new Document("$set", new Document("n", i).append("pad", pad)));
            }
            long before = store.fileSize();

            store.checkpointNow();

            assertThat(before).isGreaterThan(2_000L * 1_000);
            assertThat(store.fileSize()).isLessThan(50_000);
            assertThat(things.find().first()).containsEntry("n", 2_000);
        }
    }

    @Test
    void checkpointsWhenTheJournalOutgrowsTheDocumentsOrWritesGoQuiet() {
        long mb = 1024 * 1024;
        assertThat(Checkpoints.due(70 * mb, 100 * mb, 10 * mb)).as("outgrown the 64 MB floor").isTrue();
        assertThat(Checkpoints.due(60 * mb, 100 * mb, 10 * mb)).as("busy, below the floor").isFalse();
        assertThat(Checkpoints.due(400 * mb, 1000 * mb, 10 * mb)).as("busy, below half the documents").isFalse();
        assertThat(Checkpoints.due(600 * mb, 1000 * mb, 10 * mb)).as("busy, above half the documents").isTrue();
        assertThat(Checkpoints.due(2 * mb, 1000 * mb, 1024)).as("quiet, journal to fold").isTrue();
        assertThat(Checkpoints.due(mb / 2, 1000 * mb, 0)).as("quiet, nothing worth folding").isFalse();
    }

    /** A cursor scan, writes and checkpoints at the same time: the scan sees every document once, nothing is lost. */
    @Test
    void longScanSurvivesConcurrentWritesAndCheckpoints() throws Exception {
        int documents = 20_000;
        Path dataDir = dir.resolve("scan");
        AtomicInteger extraWrites = new AtomicInteger();
        try (EmbeddedMongoStore store = EmbeddedMongoStore.onDisk(dataDir);
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

            AtomicBoolean scanning = new AtomicBoolean(true);
            MongoCollection<Document> other = client.getDatabase("reg").getCollection("other");
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (int i = 0; scanning.get(); i++) {
                    other.insertOne(new Document("_id", i).append("pad", "y".repeat(200)));
                    events.updateOne(new Document("_id", i % documents),
                        new Document("$set", new Document("touched", i)));
                    if (i % 50 == 0) {
                        store.checkpointNow();
                    }
                    extraWrites.incrementAndGet();
                }
            });

            await().atMost(Duration.ofSeconds(30)).until(() -> extraWrites.get() >= 20);
            Set<Integer> seen = new HashSet<>();
            try (MongoCursor<Document> cursor = events.find().batchSize(1_000).iterator()) {
                while (cursor.hasNext()) {
                    seen.add(cursor.next().getInteger("_id"));
                }
            } finally {
                scanning.set(false);
            }
            writer.get();
            assertThat(seen).hasSize(documents);
        }
        try (EmbeddedMongoStore store = EmbeddedMongoStore.onDisk(dataDir);
             MongoClient client = MongoClients.create(store.connectionString())) {
            assertThat(client.getDatabase("reg").getCollection("events").countDocuments()).isEqualTo(documents);
            assertThat(client.getDatabase("reg").getCollection("other").countDocuments())
                .isEqualTo(extraWrites.get());
        }
    }

    @Test
    void refusesTheH2FileOfAnEarlierVersionInsteadOfStartingEmptyBesideIt() throws Exception {
        Path dataDir = dir.resolve("h2");
        Files.createDirectories(dataDir);
        Files.write(dataDir.resolve(EmbeddedMongoStore.H2_FILE_NAME), new byte[] {1});

        assertThatThrownBy(() -> EmbeddedMongoStore.onDisk(dataDir)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("earlier version");
    }
}
