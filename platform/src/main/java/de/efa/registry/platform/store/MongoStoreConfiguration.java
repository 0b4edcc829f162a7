package de.efa.registry.platform.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The one MongoDB client of an application: the configured {@code registry.mongodb.uri}, or else the embedded store
 * that the standalone application provides as a bean.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistryProperties.class)
public class MongoStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MongoStoreConfiguration.class);

    @Bean(destroyMethod = "close")
    public MongoClient registryMongoClient(RegistryProperties properties, ObjectProvider<LocalStoreAddress> embedded) {
        String uri = properties.mongodb().uri();
        if (!properties.mongodb().isConfigured()) {
            LocalStoreAddress store = embedded.getIfAvailable();
            if (store == null) {
                throw new IllegalStateException("registry.mongodb.uri is not set and this application has no embedded store");
            }
            uri = store.connectionString();
            log.info("Using the embedded store at {}", uri);
        } else {
            log.info("Using MongoDB at {}", new ConnectionString(uri).getHosts());
        }
        return MongoClients.create(settings(uri, properties.mongodb().readTimeout()));
    }

    /**
     * Every call to the store is bounded by the read timeout. Axon's own handler timeouts are off
     * ({@code axon.timeout.enabled=false} in registry-defaults.properties): they took the whole call stack of the
     * thread for every handler they timed, which cost a quarter of an adoption's CPU, and what a handler of
     * the registry can wait on without end is the store — which this timeout bounds.
     */
    static MongoClientSettings settings(String uri, Duration readTimeout) {
        ConnectionString connection = new ConnectionString(uri);
        // a socketTimeoutMS in the connection string is the operator's explicit choice and wins
        long readTimeoutMs = connection.getSocketTimeout() != null ? connection.getSocketTimeout() : readTimeout.toMillis();
        return MongoClientSettings.builder()
                .applyConnectionString(connection)
                .applicationName("efa-registry")
                .applyToSocketSettings(s -> s.connectTimeout(5, TimeUnit.SECONDS)
                        .readTimeout(readTimeoutMs, TimeUnit.MILLISECONDS))
                .applyToClusterSettings(s -> s.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .build();
    }

    @Bean
    public MongoDatabase registryDatabase(MongoClient client, RegistryProperties properties) {
        return client.getDatabase(properties.mongodb().database());
    }
}
