package de.efa.registry.platform.store;

import de.efa.registry.eventstore.MongoEventStorageEngine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * What the event store's readers wait for: positions handed out but not yet written. A gap that stays holds every
 * projection behind it for up to {@code registry.event-store.gap-timeout}; the gauge reads the engine's memory, never
 * the store, so a scrape costs nothing.
 */
@Component
public class EventStoreMetrics implements MeterBinder {

    private final MongoEventStorageEngine engine;

    public EventStoreMetrics(MongoEventStorageEngine engine) {
        this.engine = engine;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("registry.events.gaps.waiting", engine, MongoEventStorageEngine::gapsWaitedFor)
                .description("Positions handed out but not yet written that readers are waiting for")
                .register(registry);
    }
}
