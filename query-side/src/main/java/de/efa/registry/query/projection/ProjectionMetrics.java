package de.efa.registry.query.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * What {@code GET /admin/projections} shows, as metrics for Prometheus ({@code /actuator/prometheus}): per projection
 * its lag behind the last stored event, the position it has processed, the events in its dead-letter queue, how far
 * a rebuild has come and whether it is LIVE — so an alert can fire on a projection that falls behind or stops,
 * without anyone polling the admin API.
 * <p>
 * The statuses are read by a thread of their own once a second, never by a scrape: reading them waits for the store
 * (and for the projection manager, which waits for the store too), and a scrape that waited would lose the JVM's and
 * the HTTP metrics exactly while the store is gone. Figures older than a few seconds are not shown (NaN).
 */
@Component
class ProjectionMetrics implements MeterBinder, DisposableBean {

    private static final long REFRESH_MILLIS = 1_000;
    private static final long STALE_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** Prometheus' base unit of a share between 0 and 1 ({@code registry_projection_rebuild_progress_ratio}). */
    static final String RATIO = "ratio";

    private final ProjectionManager projections;
    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-metrics");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Map<String, ProjectionStatus> latest = Map.of();
    private volatile long readAt;

    ProjectionMetrics(ProjectionManager projections) {
        this.projections = projections;
        reader.scheduleWithFixedDelay(this::read, 0, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String name : projections.names()) {
            gauge(registry, name, "registry.projection.lag", "events", "Events stored but not yet processed",
                    s -> s.lag() == null ? Double.NaN : s.lag());
            // a position is no amount of events: no unit, so Prometheus shows no suffix that would say otherwise
            gauge(registry, name, "registry.projection.position", null,
                    "Highest position processed in every segment",
                    s -> s.position() == null ? Double.NaN : s.position());
            gauge(registry, name, "registry.projection.dead.letters", "events",
                    "Events waiting in the dead-letter queue", ProjectionStatus::deadLetters);
            gauge(registry, name, "registry.projection.rebuild.progress", RATIO,
                    "0..1 of a running rebuild, 1 when none runs", ProjectionStatus::progress);
            gauge(registry, name, "registry.projection.live", null,
                    "1 when the projection is LIVE, 0 when REBUILDING or ERROR",
                    s -> ProjectionStatus.LIVE.equals(s.status()) ? 1 : 0);
        }
        Gauge.builder("registry.events.head.position", this, metrics -> metrics.head())
                .description("The highest position holding a stored event").register(registry);
    }

    private void gauge(MeterRegistry registry, String projection, String metric, String unit, String description,
                       ToDoubleFunction<ProjectionStatus> value) {
        Gauge.builder(metric, this, metrics -> {
                    ProjectionStatus status = metrics.fresh().get(projection);
                    return status == null ? Double.NaN : value.applyAsDouble(status);
                })
                .tag("projection", projection).description(description).baseUnit(unit).register(registry);
    }

    private double head() {
        return fresh().values().stream().mapToDouble(ProjectionStatus::headPosition).max().orElse(Double.NaN);
    }

    private Map<String, ProjectionStatus> fresh() {
        return System.nanoTime() - readAt > STALE_NANOS ? Map.of() : latest;
    }

    private void read() {
        try {
            Map<String, ProjectionStatus> byName = new LinkedHashMap<>();
            projections.statuses().forEach(status -> byName.put(status.name(), status));
            latest = byName;
            readAt = System.nanoTime();
        } catch (RuntimeException storeUnavailable) {
            // the figures go stale and show as NaN; the next read tries again
        }
    }

    @Override
    public void destroy() {
        reader.shutdownNow();
    }
}
