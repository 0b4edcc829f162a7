package de.efa.registry.command.demo;

import de.efa.registry.command.axon.CommandProperties;
import de.efa.registry.command.job.JobProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The command side's registry.* values are checked at start-up: a typo stops it rather than seeding nothing. */
class DemoSeedPropertiesTest {

    @EnableConfigurationProperties({DemoSeedProperties.class, CommandProperties.class, JobProperties.class})
    static class Properties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Properties.class);

    @Test
    void theDefaultsBind() {
        context.run(started -> {
            assertThat(started.getBean(DemoSeedProperties.class).seed()).isEqualTo("false");
            assertThat(started.getBean(DemoSeedProperties.class).germany().scale()).isEqualTo(1.0);
            assertThat(started.getBean(CommandProperties.class).aggregateCacheSize()).isEqualTo(20_000);
            assertThat(started.getBean(CommandProperties.class).concurrencyRetries()).isEqualTo(8);
            assertThat(started.getBean(JobProperties.class).concurrency()).isEqualTo(2);
        });
    }

    @Test
    void theSeedsBind() {
        context.withPropertyValues("registry.demo.seed=germany", "registry.demo.germany.scale=0.1")
                .run(started -> assertThat(started.getBean(DemoSeedProperties.class).germany().scale()).isEqualTo(0.1));
    }

    @Test
    void aMistypedSeedStopsTheStart() {
        context.withPropertyValues("registry.demo.seed=germnay").run(started -> assertThat(started).hasFailed());
    }

    @Test
    void aScaleOutsideZeroToOneStopsTheStart() {
        context.withPropertyValues("registry.demo.germany.scale=0").run(started -> assertThat(started).hasFailed());
        context.withPropertyValues("registry.demo.germany.scale=1.5").run(started -> assertThat(started).hasFailed());
    }

    @Test
    void noJobSlotStopsTheStart() {
        context.withPropertyValues("registry.jobs.concurrency=0").run(started -> assertThat(started).hasFailed());
    }
}
