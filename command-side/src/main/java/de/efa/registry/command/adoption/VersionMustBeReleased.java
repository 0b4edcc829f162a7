package de.efa.registry.command.adoption;

import de.efa.registry.kernel.common.RuleViolated;

/** A municipality cannot use a version before it exists: the lookup would list it for days before its release. */
public final class VersionMustBeReleased implements AdoptionPolicy {

    public static final String RULE = "date-before-release";

    @Override
    public void check(AdoptionCase adoption) {
        adoption.service().releaseOf(adoption.version()).filter(adoption.effectiveFrom()::isBefore).ifPresent(released -> {
            throw new RuleViolated(RULE, "Date before release", "Version " + adoption.version() + " of service "
                    + adoption.service().serviceId() + " is released on " + released + ", after " + adoption.effectiveFrom());
        });
    }
}
