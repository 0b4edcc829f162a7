package de.efa.registry.kernel.common;

/** The command contradicts what is already recorded: the adoption exists, the state is already a member. */
public final class Conflict extends DomainException {

    public Conflict(String detail) {
        super(detail);
    }
}
