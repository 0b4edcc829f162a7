package de.efa.registry.command.job;

import de.efa.registry.platform.web.ProblemTypes;
import de.efa.registry.platform.web.RegistryProblem;
import de.efa.registry.platform.web.StoreUnavailable;
import org.bson.Document;

/**
 * Why a job failed, as the problem (RFC 9457) its request would have been answered with had it waited for the work.
 * Like every problem answer it says what went wrong, never how the server is built.
 */
public record JobFailure(String type, String title, int status, String detail) {

    static final String INTERRUPTED_DETAIL = "interrupted by a restart of the registry; repeat the request with its"
            + " Idempotency-Key to finish the work";

    /** The instance running the job stopped (a restart, a crash) before the work was done. */
    static JobFailure interrupted() {
        return new JobFailure(ProblemTypes.of("job-interrupted").toString(), "Job interrupted", 503, INTERRUPTED_DETAIL);
    }

    static JobFailure of(RuntimeException e) {
        java.util.Optional<RegistryProblem> refusal = RegistryProblem.refusal(e);
        if (refusal.isPresent()) {
            RegistryProblem problem = refusal.get();
            return new JobFailure(problem.type().toString(), problem.title(), problem.status().value(), problem.getMessage());
        }
        if (StoreUnavailable.cause(e) != null) {
            return new JobFailure(ProblemTypes.STORE_UNAVAILABLE.toString(), StoreUnavailable.TITLE, 503,
                    "The registry lost its store while carrying out the work; repeat the request with its"
                    + " Idempotency-Key to finish it");
        }
        return new JobFailure(ProblemTypes.INTERNAL.toString(), "Internal error", 500,
                "The registry could not complete the work; repeat the request with its Idempotency-Key to finish it");
    }

    Document toDocument() {
        return new Document("type", type).append("title", title).append("status", status).append("detail", detail);
    }

    static JobFailure fromDocument(Document document) {
        return document == null ? null : new JobFailure(document.getString("type"), document.getString("title"),
                document.getInteger("status"), document.getString("detail"));
    }
}
