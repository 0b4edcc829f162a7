package de.efa.registry.embedded;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * An in-process MongoDB-protocol server (mongo-java-server) for tests, demos and single-machine installations.
 *
 * <ul>
 *   <li>{@link #inMemory()}: memory backend, no oplog (no change streams), nothing survives {@link #close()}.</li>
 *   <li>{@link #onDisk(Path)}: the journaled backend on files in the given directory (see {@link Journal}): documents
 *   as BSON in memory, every change appended to a journal, a write command acknowledged only once the journal holds
 *   it, so every acknowledged write survives a {@code kill -9} of the JVM. A checkpoint rewrites the live documents
 *   and drops the journal behind it when the journal outgrows them, and once writes have gone quiet.</li>
 * </ul>
 * Both report server version 5.0 (needed by the MongoDB Java driver 5.x) and listen on 127.0.0.1, free port.
 */
public final class EmbeddedMongoStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoStore.class);

    /** The store file of the H2 backend that earlier versions used. */
    static final String H2_FILE_NAME = "registry.mv.db";

    private final MongoServer server;
    private final MongoBackend backend;
    private final Journal journal; // null for the memory store
    private final Checkpoints checkpoints; // null for the memory store
    private final String connectionString;
    private boolean closed;

    private EmbeddedMongoStore(MongoBackend backend, Journal journal) {
        this.backend = backend;
        this.journal = journal;
        this.server = new MongoServer(backend);
        this.server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        this.connectionString = "mongodb://127.0.0.1:" + address.getPort();
        this.checkpoints = journal == null ? null : new Checkpoints(journal);
        log.info("embedded MongoDB-protocol store ({}) listening on {}", backend, connectionString);
    }

    /** Memory backend, oplog off, server version 5.0, 127.0.0.1 on a free port. */
    public static EmbeddedMongoStore inMemory() {
        MemoryBackend backend = new MemoryBackend();
        backend.version(ServerVersion.MONGO_5_0);
        return new EmbeddedMongoStore(backend, null);
    }

    /** The journaled backend with its files in {@code dataDir} (created if needed), durable acknowledgements. */
    public static EmbeddedMongoStore onDisk(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        if (Files.exists(dataDir.resolve(H2_FILE_NAME))) {
            throw new IllegalStateException(dataDir.toAbsolutePath() + " holds " + H2_FILE_NAME + ", the H2 store of an"
                + " earlier version of the registry, which this version no longer reads. Start with an empty"
                + " registry.data-dir, or export the events of the old one with the earlier version first.");
        }
        long start = System.nanoTime();
        Journal journal = Journal.open(dataDir);
        try {
            JournaledBackend backend = new JournaledBackend(journal);
            backend.version(ServerVersion.MONGO_5_0);
            log.info("embedded store in {} opened in {} ms ({} MB of documents)", dataDir.toAbsolutePath(),
                (System.nanoTime() - start) / 1_000_000, journal.storedBytes() / (1024 * 1024));
            return new EmbeddedMongoStore(new JournalGate(backend, journal).backend(), journal);
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    /** A {@code mongodb://127.0.0.1:port} URI for {@code MongoClients.create}. */
    public String connectionString() {
        return connectionString;
    }

    /** Writes a checkpoint now (tests). */
    void checkpointNow() {
        if (journal != null) {
            journal.checkpoint();
        }
    }

    /** Bytes of the store's files (0 for the memory store). */
    long fileSize() {
        return journal == null ? 0 : journal.directorySize();
    }

    /** Journal records written so far, one per write command that changed something (0 for the memory store). */
    long recordCount() {
        return journal == null ? 0 : journal.records();
    }

    /** Stops the server and closes the journal. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (checkpoints != null) {
            checkpoints.stop();
        }
        server.shutdownNow();
        backend.close();
        log.info("embedded MongoDB-protocol store {} closed", connectionString);
    }
}
