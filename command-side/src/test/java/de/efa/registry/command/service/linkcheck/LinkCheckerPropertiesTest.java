package de.efa.registry.command.service.linkcheck;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The link checker is off by default; a setting it cannot run with stops the start. */
class LinkCheckerPropertiesTest {

    @EnableConfigurationProperties(LinkCheckerProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Properties.class);

    @Test
    void theDefaultsBind() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(LinkCheckerProperties.class))
                    .isEqualTo(new LinkCheckerProperties(false, Duration.ofHours(1), Duration.ofSeconds(10), 4));
        });
    }

    @Test
    void noLinkCheckerRunsUnlessEnabled() {
        new ApplicationContextRunner().withUserConfiguration(LinkCheckerConfiguration.class)
                .run(started -> assertThat(started).hasNotFailed().doesNotHaveBean(LinkChecker.class));
    }

    @Test
    void aConcurrencyOfZeroStopsTheStart() {
        context.withPropertyValues("registry.link-checker.concurrency=0").run(started -> assertThat(started).hasFailed());
    }

    @Test
    void aZeroIntervalStopsTheStart() {
        context.withPropertyValues("registry.link-checker.interval=0s").run(started -> assertThat(started).hasFailed());
    }
}
