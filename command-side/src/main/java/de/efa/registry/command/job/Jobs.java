package de.efa.registry.command.job;

import org.axonframework.messaging.MetaData;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.registry.command.web.CommandResponses;
import de.efa.registry.platform.requestid.RequestId;
import de.efa.registry.platform.web.ProblemAdvice;
import de.efa.registry.platform.web.ProblemTypes;
import de.efa.registry.platform.web.RegistryHeaders;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Long work accepted with {@code Prefer: respond-async}: the request is answered {@code 202} at once, the work runs on
 * a small executor of its own and reports to {@code jobs}. At most {@code registry.jobs.concurrency} jobs run at once
 * per instance; one more is refused with 503 and {@code Retry-After} rather than queued without bound (their commands
 * share the same few {@link de.efa.registry.command.web.CommandFanOut} workers anyway, so more at once would not
 * finish sooner).
 * <p>
 * A job lives only as long as the instance running it: while it runs, its progress is recorded once a second, and a
 * running job not heard of for {@link #SILENCE} is failed as interrupted — by whoever looks at it first (a read, a
 * repeat of its request, the next start-up). No job is resumed: repeating its request with its
 * {@code Idempotency-Key} runs it again ({@link FailedJobs}).
 */
@Component
@EnableConfigurationProperties(JobProperties.class)
public class Jobs implements DisposableBean {

    /** Thirty heartbeats missed: no instance that still lives is that slow to write one small update. */
    static final Duration SILENCE = Duration.ofSeconds(30);
    static final String PATH = "/api/v1/jobs/";
    static final String RETRY_WHEN_BUSY_SECONDS = "30";

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    private final JobStore store;
    private final ProgressWatch watch;
    private final CommandResponses responses;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();
    private final Semaphore slots;
    private final ExecutorService runners;
    private volatile boolean stopping;

    public Jobs(JobStore store, ProgressWatch watch, CommandResponses responses, ObjectMapper json,
                JobProperties properties) {
        int concurrency = properties.concurrency();
        this.store = store;
        this.watch = watch;
        this.responses = responses;
        this.json = json;
        this.slots = new Semaphore(concurrency);
        AtomicInteger n = new AtomicInteger();
        this.runners = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts the work as a job of {@code starter} and answers 202 with its {@code Location}; 503 when as many jobs run
     * as the instance takes. Runs on the request thread, so the work's metadata (principal, Idempotency-Key) was
     * taken there already, and the 202 is what the Idempotency-Key records.
     */
    public ResponseEntity<Object> accept(LongWork<?> work, String starter) {
        if (!slots.tryAcquire()) {
            ResponseEntity<?> busy = ProblemAdvice.problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.of("too-many-jobs"),
                    "Too many jobs", "As many jobs run as this instance takes; repeat the request later", null);
            return ResponseEntity.status(busy.getStatusCode()).headers(busy.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, RETRY_WHEN_BUSY_SECONDS).body(busy.getBody());
        }
        Job job = Job.started(JobId.random(), work.kind(), starter, work.total(), clock.instant());
        try {
            store.insert(job);
            runners.execute(RequestId.carriedInto(() -> run(job, work)));
        } catch (RuntimeException e) {
            slots.release();
            if (e instanceof RejectedExecutionException) {
                // the instance is shutting down: the job stays RUNNING without a heartbeat and is failed as interrupted
                throw new IllegalStateException("the registry is shutting down", e);
            }
            throw e;
        }
        log.info("Job {} started by {}: {} ({} items)", job.id(), starter, work.description(), work.total());
        ResponseEntity<JobAnswer> accepted = responses.execute(HttpStatus.ACCEPTED, commands -> JobAnswer.of(job, clock.instant()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).headers(accepted.getHeaders())
                .header(HttpHeaders.LOCATION, PATH + job.id())
                .header(RespondAsync.PREFERENCE_APPLIED, RespondAsync.RESPOND_ASYNC)
                .body(accepted.getBody());
    }

    /** The job as it stands; a running one whose instance fell silent is failed as interrupted first. */
    public Optional<Job> find(JobId id) {
        Optional<Job> job = store.find(id);
        Instant now = clock.instant();
        if (job.isPresent() && job.get().silentSince(now.minus(SILENCE))) {
            store.failIfSilent(id, now.minus(SILENCE), JobFailure.interrupted(), now);
            return store.find(id);
        }
        return job;
    }

    private void run(Job job, LongWork<?> work) {
        ProgressReport report = watch.report(work, (done, at) -> store.recordProgress(job.id(), done, at));
        watch.watch(report);
        try {
            // on this thread as on a request's: the position of the last event the work stored, for read-your-writes
            // the work's commands carry the metadata of the request that planned it
            ResponseEntity<?> answer = responses.execute(HttpStatus.OK, MetaData.emptyInstance(), commands -> {
                Object result = work.carryOut(report);
                commands.noteStored(report.lastStoredPosition());
                return result;
            });
            String position = answer.getHeaders().getFirst(RegistryHeaders.POSITION);
            if (store.finish(job.id(), report.done(), document(answer.getBody()),
                    position == null ? null : Long.valueOf(position), clock.instant())) {
                log.info("Job {} done: {} ({} of {})", job.id(), work.description(), report.done(), work.total());
            } else {
                // failed meanwhile as interrupted (this instance was silent too long): it stays FAILED, and a repeat of
                // its request finds what this run did and does the rest
                log.warn("Job {} ended after it had been failed as interrupted; its result is not recorded: {}",
                        job.id(), work.description());
            }
        } catch (RuntimeException e) {
            // a shutdown interrupts this thread; the driver would refuse to record the failure on an interrupted one
            Thread.interrupted();
            JobFailure reason = stopping ? JobFailure.interrupted() : JobFailure.of(e);
            if (reason.status() >= 500 && !stopping) {
                log.error("Job {} failed: {}", job.id(), work.description(), e);
            } else {
                log.warn("Job {} failed: {}: {}", job.id(), work.description(), reason.detail());
            }
            try {
                store.fail(job.id(), report.done(), reason, clock.instant());
            } catch (RuntimeException f) {
                // its progress is no longer recorded either, so it is failed as interrupted once found silent
                log.warn("Could not record the failure of job {}: {}", job.id(), f.toString());
            }
        } finally {
            watch.unwatch(report);
            slots.release();
        }
    }

    private Document document(Object result) {
        try {
            return Document.parse(json.writeValueAsString(result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a job's result is not JSON", e);
        }
    }

    /**
     * A job cut short by the shutdown records itself as interrupted while the store is still there (this bean goes
     * before the database it uses); one that does not make it in time is failed once found silent.
     */
    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        runners.shutdownNow();
        runners.awaitTermination(5, TimeUnit.SECONDS);
    }
}
