package de.efa.registry.query.projection;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** A scrape never waits for the store: the statuses are read beside it, and what cannot be read shows as NaN. */
class ProjectionMetricsTest {

    @Test
    void aScrapeAnswersAtOnceWhileTheStatusesCannotBeRead() {
        ProjectionManager projections = mock(ProjectionManager.class);
        CountDownLatch storeBack = new CountDownLatch(1);
        when(projections.names()).thenReturn(List.of("lookup"));
        when(projections.statuses()).thenAnswer(call -> {
            storeBack.await(); // the store does not answer
            return List.of();
        });
        ProjectionMetrics metrics = new ProjectionMetrics(projections);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try {
            metrics.bindTo(registry);
            double lag = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> registry.get("registry.projection.lag").tag("projection", "lookup").gauge().value());
            assertThat(lag).isNaN();
        } finally {
            storeBack.countDown();
            metrics.destroy();
        }
    }

    @Test
    void theGaugesShowWhatTheAdminApiShows() {
        ProjectionManager projections = mock(ProjectionManager.class);
        when(projections.names()).thenReturn(List.of("lookup"));
        when(projections.statuses()).thenReturn(List.of(
                new ProjectionStatus("lookup", 40L, 42L, 2L, ProjectionStatus.LIVE, 1.0, 3, 1, null, 2)));
        ProjectionMetrics metrics = new ProjectionMetrics(projections);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try {
            metrics.bindTo(registry);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(registry.get("registry.projection.lag").tag("projection", "lookup").gauge().value())
                        .isEqualTo(2.0);
                assertThat(registry.get("registry.projection.position").tag("projection", "lookup").gauge().value())
                        .isEqualTo(40.0);
                assertThat(registry.get("registry.projection.dead.letters").tag("projection", "lookup").gauge().value())
                        .isEqualTo(3.0);
                assertThat(registry.get("registry.projection.live").tag("projection", "lookup").gauge().value())
                        .isEqualTo(1.0);
                assertThat(registry.get("registry.events.head.position").gauge().value()).isEqualTo(42.0);
            });
        } finally {
            metrics.destroy();
        }
    }

    @Test
    void prometheusNamesSayWhatTheValuesAre() {
        ProjectionManager projections = mock(ProjectionManager.class);
        when(projections.names()).thenReturn(List.of("lookup"));
        when(projections.statuses()).thenReturn(List.of(
                new ProjectionStatus("lookup", 40L, 42L, 2L, ProjectionStatus.REBUILDING, 0.5, 3, 1, null, 2)));
        ProjectionMetrics metrics = new ProjectionMetrics(projections);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try {
            metrics.bindTo(registry);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(registry.scrape()).contains(
                    "registry_projection_lag_events{projection=\"lookup\"} 2.0",
                    "registry_projection_dead_letters_events{projection=\"lookup\"} 3.0",
                    // a position counts nothing: no unit suffix; a share of 0..1 is a ratio
                    "registry_projection_position{projection=\"lookup\"} 40.0",
                    "registry_projection_rebuild_progress_ratio{projection=\"lookup\"} 0.5",
                    "registry_projection_live{projection=\"lookup\"} 0.0",
                    "registry_events_head_position 42.0"));
        } finally {
            metrics.destroy();
        }
    }
}
