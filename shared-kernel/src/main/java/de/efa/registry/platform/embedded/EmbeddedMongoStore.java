package de.efa.registry.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * An in-process MongoDB-protocol server (mongo-java-server) for tests, demos and small installations.
 *
 * <ul>
 *   <li>{@link #inMemory()}: memory backend, no oplog (no change streams), nothing survives {@link #close()}.</li>
 *   <li>{@link #onDisk(Path)}: H2 MVStore file in the given directory, oplog on. A write command is acknowledged
 *   only after an MVStore commit that covers it (group commit), so every acknowledged write survives a
 *   {@code kill -9} of the JVM. (The commit writes to the file but does not fsync: an OS crash or power loss
 *   may still lose the last writes.) Compaction runs every {@value #COMPACTION_INTERVAL_SECONDS} s.</li>
 * </ul>
 * Both report server version 5.0 (needed by the MongoDB Java driver 5.x) and listen on 127.0.0.1, free port.
 */
public final class EmbeddedMongoStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoStore.class);

    static final String FILE_NAME = "registry.mv.db";
    static final long COMPACTION_INTERVAL_SECONDS = 3;
    /**
     * How long MVStore keeps chunks that are no longer referenced by the newest version. Every read registers the
     * version it reads (see {@link GroupCommitGate}), which is what keeps its chunks alive; any retention on top
     * only delays the reuse of free space. Measured with per-write commits and compaction every 100 events:
     * 3,000 events took 82 MB with 0 ms and 208 MB with 5 s (56 and 108 MB after compaction).
     */
    static final int RETENTION_TIME_MILLIS = 0;
    /** MVStore page cache in MB (H2's default is 16). */
    static final int PAGE_CACHE_MB = 64;

    private final MongoServer server;
    private final MongoBackend backend;
    private final GroupCommitGate gate; // null for the memory store
    private final ScheduledExecutorService compactor; // null for the memory store
    private final String connectionString;
    private boolean closed;

    private EmbeddedMongoStore(MongoBackend backend, GroupCommitGate gate) {
        this.backend = backend;
        this.gate = gate;
        this.server = new MongoServer(backend);
        this.server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        this.connectionString = "mongodb://127.0.0.1:" + address.getPort();
        if (gate != null) {
            this.compactor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "embedded-mongo-compactor");
                thread.setDaemon(true);
                return thread;
            });
            this.compactor.scheduleWithFixedDelay(this::compactQuietly, COMPACTION_INTERVAL_SECONDS,
                COMPACTION_INTERVAL_SECONDS, TimeUnit.SECONDS);
        } else {
            this.compactor = null;
        }
        log.info("embedded MongoDB-protocol store ({}) listening on {}", backend, connectionString);
    }

    /** Memory backend, oplog off, server version 5.0, 127.0.0.1 on a free port. */
    public static EmbeddedMongoStore inMemory() {
        MemoryBackend backend = new MemoryBackend();
        backend.version(ServerVersion.MONGO_5_0);
        return new EmbeddedMongoStore(backend, null);
    }

    /** H2 backend with its MVStore file in {@code dataDir} (created if needed), oplog on, durable acknowledgements. */
    public static EmbeddedMongoStore onDisk(Path dataDir) {
        return onDisk(dataDir, RETENTION_TIME_MILLIS, PAGE_CACHE_MB);
    }

    /**
     * As {@link #onDisk(Path)} with another MVStore retention time and page cache size; tests use 0 and 0 so that
     * only the registered read version protects a long scan.
     */
    static EmbeddedMongoStore onDisk(Path dataDir, int retentionTimeMillis, int pageCacheMb) {
        Objects.requireNonNull(dataDir, "dataDir");
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dataDir, e);
        }
        MVStore mvStore = new MVStore.Builder()
            .fileName(dataDir.resolve(FILE_NAME).toAbsolutePath().toString())
            .autoCommitDisabled()
            .cacheSize(pageCacheMb)
            .open();
        try {
            mvStore.setRetentionTime(retentionTimeMillis);
            // Old versions are never read back (no rollbackTo); reads protect their version by registering it. With
            // the default of 5, a chunk that went out of use stays allocated for 5 more commits, which at idle (only
            // the compactor commits) delays freeing it by several compaction runs. H2's own database engine uses 0.
            mvStore.setVersionsToKeep(0);
            H2Backend backend = new H2Backend(mvStore);
            backend.version(ServerVersion.MONGO_5_0);
            backend.enableOplog();
            mvStore.commit(); // the oplog collection and anything opened at start-up
            GroupCommitGate gate = new GroupCommitGate(backend, mvStore);
            return new EmbeddedMongoStore(gate.backend(), gate);
        } catch (RuntimeException e) {
            mvStore.closeImmediately();
            throw e;
        }
    }

    /** A {@code mongodb://127.0.0.1:port} URI for {@code MongoClients.create}. */
    public String connectionString() {
        return connectionString;
    }

    /** Forces a compaction now (tests). */
    void compactNow() {
        if (gate != null) {
            gate.compact();
        }
    }

    /** Size of the MVStore file in bytes (0 for the memory store). */
    long fileSize() {
        return gate == null ? 0 : gate.fileSize();
    }

    /** Number of MVStore commits so far (0 for the memory store). */
    long commitCount() {
        return gate == null ? 0 : gate.commitCount();
    }

    private void compactQuietly() {
        try {
            gate.compact();
        } catch (RuntimeException e) {
            log.warn("compaction of the embedded store failed", e);
        }
    }

    /** Stops the server, commits and closes the MVStore (H2). Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (compactor != null) {
            // no interrupt: an interrupted FileChannel operation would close the store's file under H2
            compactor.shutdown();
            try {
                compactor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        server.shutdownNow();
        backend.close();
        log.info("embedded MongoDB-protocol store {} closed", connectionString);
    }
}
