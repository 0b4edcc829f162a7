package de.efa.registry.kernel.common;

/** The command names something the registry has no record of: a municipality, a service version, an adoption. */
public final class NotFound extends DomainException {

    public NotFound(String what, Object id) {
        super(what + " " + id + " does not exist");
    }
}
