package de.efa.registry.command.adoption;

/**
 * One rule an adoption must pass that the municipality cannot check by itself, because its facts belong to other
 * aggregates (the service, the cooperations). A policy refuses with a {@link de.efa.registry.kernel.common.RuleViolated}
 * naming its rule, or a {@link de.efa.registry.kernel.common.NotFound}; passing says nothing.
 */
@FunctionalInterface
public interface AdoptionPolicy {

    void check(AdoptionCase adoption);
}
