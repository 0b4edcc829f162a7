package de.efa.registry.query.projection;

import java.util.Collection;

/**
 * Once per claim interval, gives up the segments held here above this instance's fair share, so that instances that
 * joined later get theirs (see {@link SegmentShare}). Called under the {@link ProjectionManager}'s lock.
 */
final class SegmentBalancer {

    private final SegmentShare share;
    private final ProjectionSettings settings;
    private long lastBalance;

    SegmentBalancer(SegmentShare share, ProjectionSettings settings) {
        this.share = share;
        this.settings = settings;
    }

    void balance(Collection<RunningProjection> running) {
        long now = System.nanoTime();
        if (now - lastBalance < settings.tokenClaimInterval().toNanos()) {
            return;
        }
        lastBalance = now;
        int live = share.liveInstances();
        for (RunningProjection run : running) {
            share.balance(run.live, settings.segments(), live, settings.tokenClaimInterval());
            if (run.building != null) {
                share.balance(run.building, settings.segments(), live, settings.tokenClaimInterval());
            }
        }
    }

    /** This instance stops: the others may take its segments at once. */
    void leave() {
        share.leave();
    }
}
