package de.efa.registry.command.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import de.efa.registry.command.web.CommandResponses;
import de.efa.registry.command.web.RequestCommands;
import de.efa.registry.testsupport.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The job runner against the real store: bounded, and every way a job ends recorded. */
class JobsTest {

    private final MongoDatabase database = TestStore.client().getDatabase(TestStore.freshDatabase());
    private final JobStore store = new JobStore(database);
    private final ProgressWatch watch = new ProgressWatch();
    private final Jobs jobs = new Jobs(store, watch, answeringInPlace(), new ObjectMapper(), new JobProperties(1));

    @AfterEach
    void stop() throws Exception {
        jobs.destroy();
        watch.destroy();
    }

    @Test
    void oneJobMoreThanTheInstanceTakesIsRefusedWith503AndRetryAfter() throws Exception {
        CountDownLatch finish = new CountDownLatch(1);
        ResponseEntity<Object> first = jobs.accept(new LongWork<>(JobKind.BULK_ADOPTION, "first", 1, progress -> {
            waitFor(finish);
            progress.itemDone();
            return Map.of("accepted", 1);
        }), "thueringen");
        assertThat(first.getStatusCode().value()).isEqualTo(202);

        ResponseEntity<Object> second = jobs.accept(new LongWork<>(JobKind.BULK_ADOPTION, "second", 1, p -> Map.of()), "thueringen");
        assertThat(second.getStatusCode().value()).isEqualTo(503);
        assertThat(second.getHeaders().getFirst("Retry-After")).isEqualTo(Jobs.RETRY_WHEN_BUSY_SECONDS);
        assertThat(((ProblemDetail) second.getBody()).getType().toString()).endsWith("/too-many-jobs");

        finish.countDown();
        Job done = awaitEnd(first);
        assertThat(done.state()).isEqualTo(JobState.DONE);
        assertThat(done.done()).isEqualTo(1);
        assertThat(done.result()).containsEntry("accepted", 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> jobs.accept(new LongWork<>(JobKind.BULK_ADOPTION, "third", 0,
                p -> Map.of()), "thueringen").getStatusCode().value() == 202);
    }

    @Test
    void aJobThatFailsRecordsWhyAsAProblemAndItsKeyMayRunAgain() {
        ResponseEntity<Object> accepted = jobs.accept(new LongWork<>(JobKind.MUNICIPALITY_IMPORT, "failing", 3, progress -> {
            progress.itemDone();
            throw new de.efa.registry.kernel.common.RuleViolated("incomplete-directory", "Incomplete directory", "cut short");
        }), "admin");
        Job failed = awaitEnd(accepted);

        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.result()).isNull();
        assertThat(failed.reason()).isEqualTo(new JobFailure("https://efa-registry.de/problems/incomplete-directory",
                "Incomplete directory", 422, "cut short"));
        assertThat(new FailedJobs(jobs).failed(accepted.getHeaders().getLocation().toString())).isTrue();
        assertThat(new FailedJobs(jobs).failed("/api/v1/jobs/not-a-job")).isFalse();
        assertThat(new FailedJobs(jobs).failed("/api/v1/admin/projections/lookup")).isFalse();
    }

    @Test
    void aRunningJobWhoseInstanceFellSilentIsFailedAsInterruptedWhenRead() {
        JobId id = JobId.random();
        store.insert(Job.started(id, JobKind.BULK_ADOPTION, "thueringen", 10, java.time.Instant.now().minus(Duration.ofMinutes(2))));

        Job read = jobs.find(id).orElseThrow();

        assertThat(read.state()).isEqualTo(JobState.FAILED);
        assertThat(read.reason()).isEqualTo(JobFailure.interrupted());
        assertThat(new JobRecovery(store).recover()).as("nothing left to recover").isZero();
    }

    private Job awaitEnd(ResponseEntity<Object> accepted) {
        JobId id = JobId.of(((JobAnswer) accepted.getBody()).jobId());
        await().atMost(Duration.ofSeconds(10)).until(() -> store.find(id).orElseThrow().state() != JobState.RUNNING);
        return store.find(id).orElseThrow();
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs the work where it is called and answers with its body, as CommandResponses does without the store. */
    @SuppressWarnings("unchecked")
    private static CommandResponses answeringInPlace() {
        CommandResponses responses = mock(CommandResponses.class);
        RequestCommands commands = mock(RequestCommands.class);
        when(responses.execute(any(), any())).thenAnswer(call -> ResponseEntity.status((HttpStatus) call.getArgument(0))
                .body(((Function<RequestCommands, Object>) call.getArgument(1)).apply(commands)));
        when(responses.execute(any(), any(), any())).thenAnswer(call -> ResponseEntity.status((HttpStatus) call.getArgument(0))
                .body(((Function<RequestCommands, Object>) call.getArgument(2)).apply(commands)));
        return responses;
    }
}
