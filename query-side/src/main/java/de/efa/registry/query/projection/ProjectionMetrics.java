package de.efa.registry.query.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * What {@code GET /admin/projections} shows, as metrics for Prometheus ({@code /actuator/prometheus}): per projection
 * its lag behind the event store's head, the position it has processed, the events in its dead-letter queue, how far
 * a rebuild has come and whether it is LIVE — so an alert can fire on a projection that falls behind or stops,
 * without anyone polling the admin API.
 * <p>
 * One scrape reads every gauge; the statuses are read once per second at most (each reads the token and dead-letter
 * collections), not once per gauge.
 */
@Component
class ProjectionMetrics implements MeterBinder {

    private static final long FRESH_NANOS = 1_000_000_000L;

    private final ProjectionManager projections;
    private Map<String, ProjectionStatus> latest = Map.of();
    private long readAt;

    ProjectionMetrics(ProjectionManager projections) {
        this.projections = projections;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String name : projections.names()) {
            gauge(registry, name, "registry.projection.lag", "events", "Events stored but not yet processed",
                    s -> s.lag() == null ? Double.NaN : s.lag());
            gauge(registry, name, "registry.projection.position", "events", "Highest position processed in every segment",
                    s -> s.position() == null ? Double.NaN : s.position());
            gauge(registry, name, "registry.projection.dead.letters", "events", "Events waiting in the dead-letter queue",
                    ProjectionStatus::deadLetters);
            gauge(registry, name, "registry.projection.rebuild.progress", null, "0..1 of a running rebuild, 1 when none runs",
                    ProjectionStatus::progress);
            gauge(registry, name, "registry.projection.live", null, "1 when the projection is LIVE, 0 when REBUILDING or ERROR",
                    s -> ProjectionStatus.LIVE.equals(s.status()) ? 1 : 0);
        }
        Gauge.builder("registry.events.head.position", this, metrics -> metrics.head())
                .description("The highest position holding a stored event").baseUnit("events").register(registry);
    }

    private void gauge(MeterRegistry registry, String projection, String metric, String unit, String description,
                       ToDoubleFunction<ProjectionStatus> value) {
        Gauge.builder(metric, this, metrics -> {
                    ProjectionStatus status = metrics.statuses().get(projection);
                    return status == null ? Double.NaN : value.applyAsDouble(status);
                })
                .tag("projection", projection).description(description).baseUnit(unit).register(registry);
    }

    private double head() {
        return statuses().values().stream().mapToDouble(ProjectionStatus::headPosition).max().orElse(Double.NaN);
    }

    private synchronized Map<String, ProjectionStatus> statuses() {
        if (System.nanoTime() - readAt > FRESH_NANOS || readAt == 0) {
            try {
                List<ProjectionStatus> read = projections.statuses();
                Map<String, ProjectionStatus> byName = new LinkedHashMap<>();
                read.forEach(status -> byName.put(status.name(), status));
                latest = byName;
            } catch (RuntimeException storeUnavailable) {
                // no figures (NaN) rather than a scrape that waits for the store once per gauge: the JVM's and the
                // HTTP metrics matter most while the store is gone
                latest = Map.of();
            }
            readAt = System.nanoTime();
        }
        return latest;
    }
}
