package de.efa.registry.command.web;

/**
 * What became of work a request was answered {@code 202 Accepted} for (a job, named by the answer's {@code Location}).
 * Such an answer is no final one: the {@code Idempotency-Key} filter replays it only while the work it points to has
 * not failed, so that repeating the request with its key finishes the work after all ({@link IdempotencyRecords}).
 */
public interface AcceptedWork {

    /** True when the work at {@code location} failed (a job interrupted by a restart, say); false if unknown. */
    boolean failed(String location);
}
