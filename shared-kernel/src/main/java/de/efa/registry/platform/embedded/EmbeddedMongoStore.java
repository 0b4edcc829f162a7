package de.efa.registry.platform.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.nio.file.Path;

/** Placeholder until the durable store lands: memory backend only. */
public final class EmbeddedMongoStore implements AutoCloseable {

    private final MongoServer server;
    private final String connectionString;

    private EmbeddedMongoStore(MongoBackend backend) {
        backend.version(ServerVersion.MONGO_5_0);
        this.server = new MongoServer(backend);
        this.server.bind("127.0.0.1", 0);
        this.connectionString = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    }

    public static EmbeddedMongoStore inMemory() {
        return new EmbeddedMongoStore(new MemoryBackend());
    }

    public static EmbeddedMongoStore onDisk(Path dataDir) {
        return inMemory();
    }

    public String connectionString() {
        return connectionString;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
