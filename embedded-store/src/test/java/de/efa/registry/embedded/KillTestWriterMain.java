package de.efa.registry.embedded;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/**
 * Child JVM of {@link DurableEmbeddedStoreKillTest}: opens the on-disk store and inserts documents from several
 * threads until it is killed, printing {@code ACK <id>} for every acknowledged insert.
 * Arguments: data directory, number of writer threads.
 */
public final class KillTestWriterMain {

    private KillTestWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        QuietLogging.apply();
        Path dir = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, "UTF-8");
        EmbeddedMongoStore store = EmbeddedMongoStore.onDisk(dir);
        MongoClient client = MongoClients.create(store.connectionString());
        MongoCollection<Document> events = client.getDatabase("kill").getCollection("events");
        String payload = "x".repeat(500);
        synchronized (out) {
            out.println("READY");
            out.flush();
        }
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int writer = t;
            Thread thread = new Thread(() -> {
                for (int i = 0; ; i++) {
                    String id = writer + "-" + i;
                    events.insertOne(new Document("_id", id).append("writer", writer).append("payload", payload));
                    synchronized (out) {
                        out.println("ACK " + id);
                        out.flush();
                    }
                }
            }, "writer-" + t);
            writers.add(thread);
            thread.start();
        }
        for (Thread thread : writers) {
            thread.join();
        }
    }
}
