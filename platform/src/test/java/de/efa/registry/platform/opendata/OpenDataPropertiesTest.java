package de.efa.registry.platform.opendata;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Open data is off unless switched on; a rate limit that cannot work stops the start. */
class OpenDataPropertiesTest {

    @EnableConfigurationProperties(OpenDataProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Properties.class);

    @Test
    void theDefaultsBind() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            OpenDataProperties properties = started.getBean(OpenDataProperties.class);
            assertThat(properties.enabled()).isFalse();
            assertThat(properties.rateLimit()).isEqualTo(new OpenDataProperties.RateLimit(120, Duration.ofMinutes(1), 100_000));
        });
    }

    @Test
    void aCapacityOfZeroStopsTheStart() {
        context.withPropertyValues("registry.open-data.rate-limit.capacity=0").run(started -> assertThat(started).hasFailed());
    }

    @Test
    void aPeriodBelowASecondStopsTheStart() {
        context.withPropertyValues("registry.open-data.rate-limit.period=10ms").run(started -> assertThat(started).hasFailed());
    }

    @Test
    void noBoundOnTheRememberedClientsStopsTheStart() {
        context.withPropertyValues("registry.open-data.rate-limit.max-clients=0").run(started -> assertThat(started).hasFailed());
    }

    @Test
    void theOpenPathsAreTheThreeInterfacesAndNothingElse() {
        assertThat(OpenDataPaths.isOpen("/api/v1/regions")).isTrue();
        assertThat(OpenDataPaths.isOpen("/api/v1/regions/010510000000")).isTrue();
        assertThat(OpenDataPaths.isOpen("/fit-connect/v1/routes")).isTrue();
        assertThat(OpenDataPaths.isOpen("/dv/v1/data/010510000000")).isTrue();
        assertThat(OpenDataPaths.isOpen("/api/v1/authorities")).isFalse();
        assertThat(OpenDataPaths.isOpen("/api/v1/regionsX")).isFalse();
        assertThat(OpenDataPaths.isOpen("/api/v1/services")).isFalse();
        assertThat(OpenDataPaths.isOpen("/dv/v2/data")).isFalse();
    }
}
