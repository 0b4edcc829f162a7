package de.efa.registry.platform.web;

import org.springframework.http.HttpStatus;

import java.net.URI;

/**
 * A refusal that a client caused and that the web layer answers as a problem: unknown resource (404), duplicate or
 * concurrent change (409), a business rule (422, its type naming the rule), a state the caller may not act for (403).
 * Thrown by aggregates and policies; Axon hands it back to the caller unchanged.
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
