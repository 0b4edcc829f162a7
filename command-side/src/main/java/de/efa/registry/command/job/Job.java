package de.efa.registry.command.job;

import org.bson.Document;

import java.time.Instant;

/**
 * One job as stored in {@code jobs}: who started it, how far it got, and how it ended — its result (the answer the
 * synchronous request gives) and the position of its last event, or why it failed.
 *
 * @param heartbeatAt when the instance running it last recorded its progress (once a second while it lives)
 */
public record Job(JobId id, JobKind kind, String principal, JobState state, int done, int total, Instant startedAt,
                  Instant heartbeatAt, Instant finishedAt, Document result, Long position, JobFailure reason) {

    static Job started(JobId id, JobKind kind, String principal, int total, Instant at) {
        return new Job(id, kind, principal, JobState.RUNNING, 0, total, at, at, null, null, null, null);
    }

    /** Running, but its instance has not recorded progress since {@code cutoff}: that instance is gone. */
    boolean silentSince(Instant cutoff) {
        return state == JobState.RUNNING && heartbeatAt.isBefore(cutoff);
    }
}
