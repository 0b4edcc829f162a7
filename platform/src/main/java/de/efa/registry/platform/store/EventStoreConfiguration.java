package de.efa.registry.platform.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import de.efa.registry.eventstore.EventStoreCollections;
import de.efa.registry.eventstore.MongoEventStorageEngine;
import de.efa.registry.kernel.common.RegistryMetaData;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.Duration;
import java.util.List;

/** Axon on our own MongoDB event storage: the engine, the event store around it, tokens and message origins. */
@Configuration(proxyBeanMethods = false)
@Import(MongoStoreConfiguration.class)
@EnableConfigurationProperties(TokenStoreProperties.class)
public class EventStoreConfiguration {

    @Bean
    public EventStoreCollections eventStoreCollections(MongoDatabase registryDatabase) {
        return new EventStoreCollections(registryDatabase);
    }

    @Bean
    public MongoEventStorageEngine eventStorageEngine(EventStoreCollections collections, RegistryProperties properties,
                                                      @Qualifier("eventSerializer") Serializer eventSerializer,
                                                      Serializer serializer, List<EventUpcaster> upcasters) {
        return MongoEventStorageEngine.builder()
                .collections(collections)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .upcasterChain(new EventUpcasterChain(upcasters))
                .batchSize(properties.eventStore().batchSize())
                .gapTimeout(properties.eventStore().gapTimeout())
                .build();
    }

    @Bean
    public EventStore eventStore(EventStorageEngine storageEngine, RegistryProperties properties) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .fetchDelay(properties.eventStore().fetchDelay().toMillis())
                .build();
    }

    @Bean
    public MongoTemplate axonMongoTemplate(MongoClient client, RegistryProperties properties) {
        return DefaultMongoTemplate.builder()
                .mongoDatabase(client, properties.mongodb().database())
                .trackingTokensCollectionName(EventStoreCollections.TOKENS)
                .deadLetterCollectionName(EventStoreCollections.DEAD_LETTERS)
                .build();
    }

    /**
     * Tokens and segment claims in MongoDB, so several instances share the segments. A claim names its owner (the
     * node id, by default {@code pid@host}, unique per container) and lapses after the claim timeout if the owner
     * stops extending it (a crashed instance); an instance that stops cleanly releases its claims at once.
     */
    @Bean
    public TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer,
                                 TokenStoreProperties tokenStoreProperties) {
        String nodeId = tokenStoreProperties.nodeId();
        Duration claimTimeout = tokenStoreProperties.claimTimeout();
        MongoTokenStore.Builder builder = MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .claimTimeout(claimTimeout);
        if (!nodeId.isBlank()) {
            builder.nodeId(nodeId);
        }
        return builder.build();
    }

    /**
     * Axon puts the id of the handled message under its "correlation" key and the root under its "trace" key; in
     * the registry's words those are the causation and the correlation.
     */
    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider(RegistryMetaData.CAUSATION_ID, RegistryMetaData.CORRELATION_ID);
    }

    /** The principal travels from the command to every event it causes. */
    @Bean
    public CorrelationDataProvider principalProvider() {
        return new SimpleCorrelationDataProvider(RegistryMetaData.PRINCIPAL);
    }
}
