package de.efa.registry.query.projection;

import com.mongodb.client.MongoDatabase;
import de.efa.registry.eventstore.EventStoreCollections;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.bson.Document;

import java.time.Duration;

/**
 * Makes the processor that feeds one version of a projection, and wipes a version: its collections, its processor's
 * tokens and its dead letters (a processor is named like its version's collections, see {@link ProjectionStore}).
 */
final class VersionProcessors {

    private final MongoDatabase database;
    private final DeadLetterQueue deadLetters;
    private final TokenStore tokenStore;
    private final StoredTokens storedTokens;
    private final PromptEventSource source;
    private final ProjectionSettings settings;
    private final Duration claimTimeout;

    VersionProcessors(MongoDatabase database, DeadLetterQueue deadLetters, TokenStore tokenStore,
                      StoredTokens storedTokens, PromptEventSource source, ProjectionSettings settings,
                      Duration claimTimeout) {
        this.database = database;
        this.deadLetters = deadLetters;
        this.tokenStore = tokenStore;
        this.storedTokens = storedTokens;
        this.source = source;
        this.settings = settings;
        this.claimTimeout = claimTimeout;
    }

    ProjectionProcessor processor(Projection projection, int version) {
        return new ProjectionProcessor(projection, store(projection, version), deadLetters, tokenStore, storedTokens,
                source, settings, claimTimeout);
    }

    ProjectionStore store(Projection projection, int version) {
        return new ProjectionStore(database, projection.name(), version);
    }

    /** Leaves nothing of the version: what a fresh rebuild must not find, and what a retired version leaves behind. */
    void wipe(ProjectionStore store) {
        store.drop();
        database.getCollection(EventStoreCollections.TOKENS).deleteMany(new Document("processorName", store.prefix()));
        deadLetters.removeAll(store.prefix());
    }
}
