package de.efa.registry.command.job;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Jobs in the collection {@code jobs} ({@code _id} = job id), beside the rest of the registry, so that a restart finds
 * them. No transactions: every change of a running job is one update conditional on {@code state: RUNNING}, so a
 * job that has ended — done, or failed by anyone (its own thread, another instance finding it silent) — never changes
 * again, whatever a late writer sends.
 */
@Component
public class JobStore {

    static final String COLLECTION = "jobs";

    private final MongoCollection<Document> jobs;

    public JobStore(MongoDatabase registryDatabase) {
        this.jobs = registryDatabase.getCollection(COLLECTION);
    }

    void insert(Job job) {
        jobs.insertOne(new Document("_id", job.id().value()).append("kind", job.kind().name())
                .append("principal", job.principal()).append("state", job.state().name())
                .append("done", job.done()).append("total", job.total())
                .append("startedAt", Date.from(job.startedAt())).append("heartbeatAt", Date.from(job.heartbeatAt())));
    }

    Optional<Job> find(JobId id) {
        return Optional.ofNullable(jobs.find(new Document("_id", id.value())).first()).map(JobStore::job);
    }

    /** The count, and with it the sign that the job's instance still lives. */
    void recordProgress(JobId id, int done, Instant at) {
        jobs.updateOne(running(id), new Document("$set", new Document("done", done).append("heartbeatAt", Date.from(at))));
    }

    boolean finish(JobId id, int done, Document result, Long position, Instant at) {
        return jobs.updateOne(running(id), new Document("$set", new Document("state", JobState.DONE.name())
                .append("done", done).append("finishedAt", Date.from(at)).append("heartbeatAt", Date.from(at))
                .append("result", result).append("position", position))).getMatchedCount() == 1;
    }

    boolean fail(JobId id, int done, JobFailure reason, Instant at) {
        return jobs.updateOne(running(id), failed(reason, at).append("$max", new Document("done", done)))
                .getMatchedCount() == 1;
    }

    /**
     * Fails the job if it is still running and its instance has not been heard of since {@code cutoff}; a job whose
     * instance recorded progress meanwhile stays as it is.
     */
    boolean failIfSilent(JobId id, Instant cutoff, JobFailure reason, Instant at) {
        Document silent = running(id).append("heartbeatAt", new Document("$lt", Date.from(cutoff)));
        return jobs.updateOne(silent, failed(reason, at)).getMatchedCount() == 1;
    }

    /** Every running job whose instance has not been heard of since {@code cutoff} (a scan: jobs are few). */
    List<Job> silentSince(Instant cutoff) {
        return jobs.find(new Document("state", JobState.RUNNING.name())
                .append("heartbeatAt", new Document("$lt", Date.from(cutoff)))).map(JobStore::job).into(new ArrayList<>());
    }

    private static Document running(JobId id) {
        return new Document("_id", id.value()).append("state", JobState.RUNNING.name());
    }

    private static Document failed(JobFailure reason, Instant at) {
        return new Document("$set", new Document("state", JobState.FAILED.name()).append("finishedAt", Date.from(at))
                .append("reason", reason.toDocument()));
    }

    private static Job job(Document d) {
        return new Job(JobId.of(d.getString("_id")), JobKind.valueOf(d.getString("kind")), d.getString("principal"),
                JobState.valueOf(d.getString("state")), d.getInteger("done"), d.getInteger("total"),
                instant(d.getDate("startedAt")), instant(d.getDate("heartbeatAt")), instant(d.getDate("finishedAt")),
                d.get("result", Document.class), d.get("position") == null ? null : ((Number) d.get("position")).longValue(),
                JobFailure.fromDocument(d.get("reason", Document.class)));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
