package de.efa.registry.kernel.common;

/**
 * A command the domain refuses: a rule it would break, something it names that does not exist, or a conflict with
 * what is already recorded. Aggregates, policies and processes throw these and know nothing of HTTP; the web edge
 * answers each kind with its problem (422 naming the rule, 404, 409), a bulk request lists them per municipality.
 */
public abstract sealed class DomainException extends RuntimeException permits RuleViolated, NotFound, Conflict {

    protected DomainException(String detail) {
        super(detail);
    }

    /** What a person reads: the sentence that says what was refused and why. */
    public String detail() {
        return getMessage();
    }
}
