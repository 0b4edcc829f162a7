package de.efa.registry.command.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * On start-up, fails the jobs a previous run left RUNNING, with a reason that says how to finish their work. Only jobs
 * whose instance has been silent for {@link Jobs#SILENCE}: another instance on the same store may be running its own
 * jobs right now. A job whose instance stopped only moments ago is failed as soon as anyone looks at it once the
 * silence is long enough ({@link Jobs#find}), so no job stays RUNNING for ever.
 */
@Component
class JobRecovery {

    private static final Logger log = LoggerFactory.getLogger(JobRecovery.class);

    private final JobStore store;
    private final Clock clock;

    @Autowired
    JobRecovery(JobStore store) {
        this(store, Clock.systemUTC());
    }

    JobRecovery(JobStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void failInterruptedJobs() {
        try {
            int failed = recover();
            if (failed > 0) {
                log.warn("{} job(s) interrupted by a restart are FAILED; repeat their requests with their Idempotency-Keys"
                        + " to finish the work", failed);
            }
        } catch (RuntimeException e) {
            // the store may be away at start-up; a silent job is failed when it is next looked at
            log.warn("Could not look for interrupted jobs: {}", e.toString());
        }
    }

    /** @return how many jobs it failed */
    int recover() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(Jobs.SILENCE);
        int failed = 0;
        for (Job job : store.silentSince(cutoff)) {
            if (store.failIfSilent(job.id(), cutoff, JobFailure.interrupted(), now)) {
                failed++;
            }
        }
        return failed;
    }
}
