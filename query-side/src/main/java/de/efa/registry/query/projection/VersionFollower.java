package de.efa.registry.query.projection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the shared version pointer: another instance may have started a rebuild (this one then shares its segments)
 * or switched versions (this one serves and feeds the new version and stops the old one). Only versions in this code's
 * layout are fed or joined: an instance running other code may have made the change. Called under the
 * {@link ProjectionManager}'s lock.
 */
final class VersionFollower {

    private static final Logger log = LoggerFactory.getLogger(VersionFollower.class);

    private final ActiveVersions versions;
    private final VersionProcessors processors;
    private final ProjectionSettings settings;

    VersionFollower(ActiveVersions versions, VersionProcessors processors, ProjectionSettings settings) {
        this.versions = versions;
        this.processors = processors;
        this.settings = settings;
    }

    /** Reads the pointer at most once per {@code pointerCacheTtl}. */
    void follow(RunningProjection run) {
        long now = System.nanoTime();
        if (now - run.lastPointerRead < settings.pointerCacheTtl().toNanos()) {
            return;
        }
        run.lastPointerRead = now;
        String name = run.name();
        Projection projection = run.projection;
        ActiveVersions.Pointer pointer = versions.pointer(projection);
        if (pointer.active() != run.live.store().version()) {
            ProjectionProcessor old = run.live;
            boolean feeds = pointer.layout() == projection.layout();
            if (feeds && run.building != null && run.building.store().version() == pointer.active()) {
                run.live = run.building;
                run.building = null;
            } else {
                run.live = processors.processor(projection, pointer.active());
                if (feeds) {
                    run.live.start();
                }
            }
            run.layout = pointer.layout();
            old.stop();
            if (run.frozen()) {
                // no rebuild of its own either: instances of two layouts would take turns replacing each other's
                // versions. The version answers readers; code of its layout has to feed it.
                log.warn("Projection {}: version {}, switched to elsewhere, is in layout {} and this code writes layout "
                        + "{}: this instance does not feed it", name, pointer.active(), pointer.layout(), projection.layout());
            } else {
                log.info("Projection {} follows the switch to version {} made elsewhere", name, pointer.active());
            }
        }
        // a rebuild in another layout is, for this code, no rebuild at all
        Integer wanted = pointer.buildingLayout() == projection.layout() ? pointer.building() : null;
        if (run.building != null && (wanted == null || wanted != run.building.store().version())) {
            run.building.stop();
            run.building = null;
        }
        if (wanted != null && run.building == null) {
            run.building = processors.processor(projection, wanted);
            run.building.start();
            run.rebuildStarted = now;
            run.lastProgressLog = now;
            log.info("Projection {}: joining the rebuild of version {} started elsewhere", name, wanted);
        }
    }
}
