package de.efa.registry.platform.store;

import com.mongodb.client.MongoDatabase;
import de.efa.registry.eventstore.MongoEventStorageEngine;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * Spring Boot's MongoDB health check asks {@code hello}, which the embedded server does not answer; {@code ping}
 * and a read of the position counter work on both it and real MongoDB.
 */
@Component("store")
public class StoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoDatabase database;
    private final MongoEventStorageEngine engine;

    public StoreHealthIndicator(MongoDatabase registryDatabase, MongoEventStorageEngine engine) {
        super("The event store is not reachable");
        this.database = registryDatabase;
        this.engine = engine;
    }

    /**
     * Bounded on its own: with the default timeouts a store that stopped answering would keep the health at UP for a
     * minute (the read timeout) and a refused one for ten seconds (server selection), and readiness depends on it.
     */
    static final long PING_TIMEOUT_MILLIS = 2_000;

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        database.withTimeout(PING_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).runCommand(new Document("ping", 1));
        builder.up().withDetail("database", database.getName()).withDetail("headPosition", engine.headPosition());
    }
}
