package de.efa.registry.query.projection;

import de.efa.registry.eventstore.MongoEventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds a projection beside its serving version: streams from position 0 into a version no instance has used yet,
 * in the code's layout, and switches readers to it once it has caught up with the serving one; the retired version's
 * collections go a moment later. Called under the {@link ProjectionManager}'s lock.
 */
final class Rebuilds {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    private static final long PROGRESS_LOG_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final ActiveVersions versions;
    private final VersionProcessors processors;
    private final MongoEventStorageEngine engine;
    private final ProjectionSettings settings;

    Rebuilds(ActiveVersions versions, VersionProcessors processors, MongoEventStorageEngine engine,
             ProjectionSettings settings) {
        this.versions = versions;
        this.processors = processors;
        this.engine = engine;
        this.settings = settings;
    }

    /** A rebuild in the code's layout into a version no instance has used yet, from position 0. */
    void start(RunningProjection run, ActiveVersions.Pointer pointer) {
        Projection projection = run.projection;
        int version = Math.max(Math.max(run.live.store().version(), pointer.active()),
                pointer.building() == null ? 0 : pointer.building()) + 1;
        ProjectionProcessor fresh = processors.processor(projection, version);
        processors.wipe(fresh.store());
        versions.building(projection.name(), version, projection.layout());
        fresh.start();
        run.building = fresh;
        run.rebuildStarted = System.nanoTime();
        run.lastProgressLog = System.nanoTime();
        log.info("Rebuilding projection {} into version {} ({}_*) in layout {} from position 0; head is {}",
                projection.name(), version, fresh.name(), projection.layout(), engine.headPosition());
    }

    /**
     * Switches to the rebuilt version once all its segments, on every instance, have reached where the serving version
     * is (an unfed serving version stays where it was last fed; one without tokens was never fed at all).
     */
    void switchWhenCaughtUp(RunningProjection run, ScheduledExecutorService scheduler) {
        if (run.building == null) {
            return;
        }
        String name = run.name();
        ProjectionProcessor building = run.building;
        OptionalLong rebuilt = building.position();
        OptionalLong serving = run.live.position();
        long now = System.nanoTime();
        if (now - run.lastProgressLog > PROGRESS_LOG_NANOS) {
            run.lastProgressLog = now;
            log.info("Rebuild of {} (version {}): at position {} of head {} ({}%)", name, building.store().version(),
                    rebuilt.isPresent() ? rebuilt.getAsLong() : 0, engine.headPosition(),
                    Math.round(run.progress(engine.headPosition()) * 100));
        }
        if (rebuilt.isEmpty() || (serving.isEmpty() && !run.frozen()) || rebuilt.getAsLong() < serving.orElse(0)) {
            return;
        }
        ProjectionProcessor old = run.live;
        int layout = run.projection.layout();
        boolean switchedHere = versions.activate(name, building.store().version(), layout);
        run.live = building;
        run.layout = layout;
        run.building = null;
        old.stop();
        if (!switchedHere) {
            log.info("Projection {} switched to version {} on another instance", name, building.store().version());
            return;
        }
        log.info("Projection {} switched to version {} at position {} after {} ms; version {} retires",
                name, building.store().version(), rebuilt.getAsLong(),
                TimeUnit.NANOSECONDS.toMillis(now - run.rebuildStarted), old.store().version());
        retireLater(old.store(), scheduler);
    }

    /** Readers and other instances may still use a retired version for a moment: its collections go after that. */
    void retireLater(ProjectionStore store, ScheduledExecutorService scheduler) {
        scheduler.schedule(() -> {
            processors.wipe(store);
            log.info("Dropped the collections of {}", store.prefix());
        }, settings.dropDelay().toMillis(), TimeUnit.MILLISECONDS);
    }
}
