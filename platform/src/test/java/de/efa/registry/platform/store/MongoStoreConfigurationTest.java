package de.efa.registry.platform.store;

import com.mongodb.MongoClientSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class MongoStoreConfigurationTest {

    @Test
    void everyStoreCallIsBoundedByTheReadTimeout() {
        RegistryProperties properties = bind(Map.of("registry.mongodb.uri", "mongodb://127.0.0.1:27017"));

        MongoClientSettings settings = MongoStoreConfiguration.settings(properties.mongodb().uri(),
                properties.mongodb().readTimeout());

        assertThat(properties.mongodb().readTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(60_000);
        assertThat(settings.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(5_000);
    }

    @Test
    void theReadTimeoutIsConfigurable() {
        RegistryProperties properties = bind(Map.of("registry.mongodb.read-timeout", "5s"));

        MongoClientSettings settings = MongoStoreConfiguration.settings("mongodb://127.0.0.1:27017",
                properties.mongodb().readTimeout());

        assertThat(settings.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(5_000);
    }

    @Test
    void aSocketTimeoutInTheConnectionStringWins() {
        MongoClientSettings settings = MongoStoreConfiguration.settings("mongodb://127.0.0.1:27017/?socketTimeoutMS=7000",
                Duration.ofSeconds(60));

        assertThat(settings.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(7_000);
    }

    @Test
    void axonsHandlerTimeoutsAreOffInEveryRegistryApplication() throws IOException {
        // they took the thread's whole call stack for every handler invocation; the read timeout bounds what a
        // handler can wait on instead
        var defaults = PropertiesLoaderUtils.loadProperties(new ClassPathResource("registry-defaults.properties"));

        assertThat(defaults.getProperty("axon.timeout.enabled")).isEqualTo("false");
    }

    private static RegistryProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("registry", RegistryProperties.class);
    }
}
