package de.efa.registry.kernel.common;

/**
 * A business rule refused the command. The rule's name ({@code version-not-active}, {@code cross-border-not-permitted},
 * …) is part of the contract: clients tell refusals apart by it.
 */
public final class RuleViolated extends DomainException {

    private final String rule;
    private final String title;

    public RuleViolated(String rule, String title, String detail) {
        super(detail);
        this.rule = rule;
        this.title = title;
    }

    public String rule() {
        return rule;
    }

    /** The rule in a few words, the same for every refusal by it. */
    public String title() {
        return title;
    }
}
