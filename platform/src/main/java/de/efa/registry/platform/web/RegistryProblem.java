package de.efa.registry.platform.web;

import de.efa.registry.kernel.common.Conflict;
import de.efa.registry.kernel.common.DomainException;
import de.efa.registry.kernel.common.InvalidValueException;
import de.efa.registry.kernel.common.NotFound;
import de.efa.registry.kernel.common.RuleViolated;
import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.http.HttpStatus;

import java.net.URI;
import java.util.Optional;

/**
 * A refusal that a client caused and that the web layer answers as a problem: unknown resource (404), duplicate or
 * concurrent change (409), a business rule (422, its type naming the rule), a state the caller may not act for (403).
 * Thrown at the web edge; the domain throws {@link DomainException}s, which {@link #of(DomainException)} translates —
 * the one place that knows which status each kind of refusal gets.
 */
public class RegistryProblem extends RuntimeException {

    private final HttpStatus status;
    private final URI type;
    private final String title;

    public RegistryProblem(HttpStatus status, URI type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public static RegistryProblem of(DomainException refusal) {
        if (refusal instanceof RuleViolated rule) {
            return new RegistryProblem(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.of(rule.rule()), rule.title(),
                    rule.detail());
        }
        if (refusal instanceof NotFound) {
            return new RegistryProblem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", refusal.detail());
        }
        if (refusal instanceof Conflict) {
            return new RegistryProblem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", refusal.detail());
        }
        throw new IllegalArgumentException("No problem for " + refusal.getClass().getName());
    }

    /**
     * The refusal a failed command carries, as the problem a client gets: a domain refusal, an invalid value or a
     * problem the edge raised — also when Axon hands it back wrapped. Empty for failures the client did not cause.
     */
    public static Optional<RegistryProblem> refusal(Throwable failure) {
        Throwable cause = failure instanceof CommandExecutionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof RegistryProblem problem) {
            return Optional.of(problem);
        }
        if (cause instanceof DomainException refusal) {
            return Optional.of(of(refusal));
        }
        if (cause instanceof InvalidValueException invalid) {
            return Optional.of(badRequest(invalid.getMessage()));
        }
        return Optional.empty();
    }

    public static RegistryProblem notFound(String what, Object id) {
        return new RegistryProblem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", what + " " + id + " does not exist");
    }

    public static RegistryProblem conflict(String detail) {
        return new RegistryProblem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", detail);
    }

    /** @param rule the rule's name, e.g. {@code version-not-active}; it becomes the problem type */
    public static RegistryProblem ruleViolated(String rule, String title, String detail) {
        return new RegistryProblem(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.of(rule), title, detail);
    }

    public static RegistryProblem forbidden(String detail) {
        return new RegistryProblem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", detail);
    }

    public static RegistryProblem badRequest(String detail) {
        return new RegistryProblem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_INPUT, "Invalid input", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }
}
