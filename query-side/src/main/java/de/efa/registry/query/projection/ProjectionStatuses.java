package de.efa.registry.query.projection;

import java.util.OptionalLong;

/** What the admin endpoints and the metrics tell of a running projection: position, lag, state, rebuild progress. */
final class ProjectionStatuses {

    private final DeadLetterQueue deadLetters;

    ProjectionStatuses(DeadLetterQueue deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** @param head the last stored position, read once for all projections of one answer */
    ProjectionStatus of(RunningProjection run, long head) {
        OptionalLong position = run.live.position();
        Long pos = position.isPresent() ? position.getAsLong() : null;
        String state;
        if (run.frozen()) {
            // unfed while the rebuild in this code's layout catches up; with none here, this instance cannot serve
            state = run.building != null ? ProjectionStatus.REBUILDING : ProjectionStatus.ERROR;
        } else {
            state = run.live.hasError() || !run.live.isRunning() ? ProjectionStatus.ERROR
                    : run.building != null ? ProjectionStatus.REBUILDING : ProjectionStatus.LIVE;
        }
        return new ProjectionStatus(run.name(), pos, head, pos == null ? null : Math.max(0, head - pos), state,
                run.progress(head), deadLetters.count(run.live.name()), run.live.store().version(),
                run.building == null ? null : run.building.store().version(), run.layout);
    }
}
