package de.efa.registry.command.job;

import de.efa.registry.command.web.AcceptedWork;
import de.efa.registry.kernel.common.InvalidValueException;
import org.springframework.stereotype.Component;

/**
 * Tells the {@code Idempotency-Key} filter that a recorded {@code 202} points to a job that failed. Asked only when a
 * request is repeated, so a job's failure needs no second write to the key's record — a write a crash could cut off,
 * leaving the key pointing to a dead job for ever.
 */
@Component
class FailedJobs implements AcceptedWork {

    private final Jobs jobs;

    FailedJobs(Jobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public boolean failed(String location) {
        if (!location.startsWith(Jobs.PATH)) {
            return false;
        }
        JobId id;
        try {
            id = JobId.of(location.substring(Jobs.PATH.length()));
        } catch (InvalidValueException e) {
            return false;
        }
        return jobs.find(id).filter(job -> job.state() == JobState.FAILED).isPresent();
    }
}
