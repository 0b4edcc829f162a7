package de.efa.registry.platform.store;

import de.efa.registry.platform.security.DemoPrincipalProperties;
import de.efa.registry.platform.security.SecurityProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A mistyped registry.* value stops the start instead of running with a surprise. */
class PlatformPropertiesValidationTest {

    @EnableConfigurationProperties({RegistryProperties.class, TokenStoreProperties.class, SecurityProperties.class,
            DemoPrincipalProperties.class})
    static class Properties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Properties.class);

    @Test
    void theDefaultsBind() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(SecurityProperties.class).mode()).isEqualTo("basic");
            assertThat(started.getBean(RegistryProperties.class).eventStore().batchSize()).isEqualTo(512);
            assertThat(started.getBean(TokenStoreProperties.class).claimTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(started.getBean(DemoPrincipalProperties.class).password()).isEqualTo("demo");
        });
    }

    @Test
    void anUnknownSecurityModeStopsTheStart() {
        context.withPropertyValues("registry.security.mode=jtw").run(started -> assertThat(started).hasFailed());
    }

    @Test
    void aBatchSizeOfZeroStopsTheStart() {
        context.withPropertyValues("registry.event-store.batch-size=0").run(started -> assertThat(started).hasFailed());
    }

    @Test
    void anEmptyDemoPasswordStopsTheStart() {
        context.withPropertyValues("registry.demo.password=").run(started -> assertThat(started).hasFailed());
    }
}
