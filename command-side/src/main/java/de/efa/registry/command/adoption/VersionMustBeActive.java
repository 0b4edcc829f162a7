package de.efa.registry.command.adoption;

import de.efa.registry.kernel.common.NotFound;
import de.efa.registry.kernel.common.RuleViolated;
import de.efa.registry.kernel.service.VersionStatus;

/** Only an ACTIVE version can be newly adopted or switched to: a DEPRECATED one is on its way out, a RETIRED one gone. */
public final class VersionMustBeActive implements AdoptionPolicy {

    public static final String RULE = "version-not-active";

    @Override
    public void check(AdoptionCase adoption) {
        VersionStatus status = adoption.service().statusOf(adoption.version()).orElseThrow(() ->
                new NotFound("Version " + adoption.version() + " of service", adoption.service().serviceId()));
        if (status != VersionStatus.ACTIVE) {
            throw new RuleViolated(RULE, "Version not active", "Version " + adoption.version() + " of service "
                    + adoption.service().serviceId() + " is " + status + ", not ACTIVE");
        }
    }
}
