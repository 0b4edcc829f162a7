package de.efa.registry.platform.web;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * A request that failed because the store could not be reached (refused, cut, silent past its timeouts, or a replica
 * set without a primary at the moment) is the registry's temporary state, not a client's error and not a bug: it is
 * answered 503 with {@code Retry-After}, and logged in one line instead of a stack trace per request.
 * <p>
 * Such a failure is found anywhere in the cause chain, since Axon wraps what the event store throws.
 */
public final class StoreUnavailable {

    public static final String TITLE = "Store unavailable";
    /**
     * A command may have reached the store before the connection failed, so its outcome is unknown to the registry
     * too; the Idempotency-Key is what makes repeating it safe.
     */
    public static final String DETAIL = "The registry cannot reach its store at the moment; retry later. A change sent"
            + " now may or may not have been recorded: repeat it with the same Idempotency-Key to be sure it counts once";

    private StoreUnavailable() {
    }

    /** The store failure that caused {@code failure}, or null when it was something else. */
    public static Throwable cause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MongoSocketException || t instanceof MongoTimeoutException
                    || t instanceof MongoNotPrimaryException || t instanceof MongoNodeIsRecoveringException) {
                return t;
            }
        }
        return null;
    }

    /** The 503 with {@code Retry-After}. */
    static ResponseEntity<ProblemDetail> answer() {
        ResponseEntity<ProblemDetail> problem = ProblemAdvice.problem(HttpStatus.SERVICE_UNAVAILABLE,
                ProblemTypes.STORE_UNAVAILABLE, TITLE, DETAIL, null);
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header("Retry-After", ProblemTypes.RETRY_AFTER_SECONDS).body(problem.getBody());
    }
}
