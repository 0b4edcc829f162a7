package de.efa.registry.standalone;

import de.efa.registry.embedded.EmbeddedMongoStore;
import de.efa.registry.platform.store.LocalStoreAddress;
import de.efa.registry.platform.store.RegistryProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Without {@code registry.mongodb.uri} the standalone registry keeps its store in files under {@code registry.data-dir}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${registry.mongodb.uri:}'.isBlank()")
class EmbeddedStoreConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedMongoStore embeddedMongoStore(RegistryProperties properties) {
        return EmbeddedMongoStore.onDisk(properties.dataDir());
    }

    /** The platform's MongoDB client connects here; through this bean it is closed before the store. */
    @Bean
    LocalStoreAddress embeddedStoreAddress(EmbeddedMongoStore store) {
        return new LocalStoreAddress(store.connectionString());
    }
}
