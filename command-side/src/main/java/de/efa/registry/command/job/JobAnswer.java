package de.efa.registry.command.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;

/** {@code GET /jobs/{id}}: how far the job got, and how it ended. */
@JsonInclude(JsonInclude.Include.ALWAYS)
record JobAnswer(
        String jobId,
        JobKind kind,
        JobState state,
        @Schema(description = "Items (commands) carried out so far; recorded about once a second while the job runs")
        int done,
        @Schema(description = "Items to carry out: the import's commands, or the municipalities a bulk adoption selected")
        int total,
        @Schema(description = "done per second since the start, until the end")
        double perSecond,
        Instant startedAt,
        @Schema(nullable = true) Instant finishedAt,
        @Schema(nullable = true, description = "When DONE: the answer the same request gives without Prefer: respond-async")
        Map<String, Object> result,
        @Schema(nullable = true, description = "When DONE: the global position of the last event the job stored, for "
                + "Registry-Min-Position")
        Long position,
        @Schema(nullable = true, description = "When FAILED: why, as a problem (RFC 9457)")
        JobFailure reason) {

    static JobAnswer of(Job job, Instant now) {
        Instant until = job.finishedAt() != null ? job.finishedAt() : now;
        double perSecond = Math.round(ProgressReport.perSecond(job.done(), job.startedAt(), until) * 10) / 10.0;
        return new JobAnswer(job.id().value(), job.kind(), job.state(), job.done(), job.total(), perSecond,
                job.startedAt(), job.finishedAt(), job.state() == JobState.DONE ? job.result() : null,
                job.position(), job.state() == JobState.FAILED ? job.reason() : null);
    }
}
