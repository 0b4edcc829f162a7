package de.efa.registry.query.projection;

import java.util.OptionalLong;

/**
 * One projection as this instance runs it: the serving version's processor and, while a rebuild runs, the processor of
 * the version that will replace it. Changed only under the {@link ProjectionManager}'s lock; readers ask the serving
 * processor for claims without it.
 */
final class RunningProjection {

    final Projection projection;
    /** Volatile: readers ask for claims without the manager's lock. */
    volatile ProjectionProcessor live;
    /** The layout the serving version was built in. */
    int layout;
    ProjectionProcessor building;
    long rebuildStarted;
    long lastProgressLog;
    long lastPointerRead;

    RunningProjection(Projection projection, ProjectionProcessor live, int layout) {
        this.projection = projection;
        this.live = live;
        this.layout = layout;
    }

    String name() {
        return projection.name();
    }

    /** Whether the serving version is in another layout than this code's: it answers readers, nothing here feeds it. */
    boolean frozen() {
        return layout != projection.layout();
    }

    /** How far the rebuild has come towards {@code head}, 0..1 rounded to three places; 1 without a rebuild. */
    double progress(long head) {
        if (building == null) {
            return 1.0;
        }
        OptionalLong position = building.position();
        if (head <= 0) {
            return position.isPresent() ? 1.0 : 0.0;
        }
        double ratio = position.isPresent() ? (double) position.getAsLong() / head : 0.0;
        return Math.min(1.0, Math.round(ratio * 1000) / 1000.0);
    }

    void stop() {
        live.stop();
        if (building != null) {
            building.stop();
        }
    }
}
