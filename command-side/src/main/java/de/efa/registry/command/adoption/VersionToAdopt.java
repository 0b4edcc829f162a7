package de.efa.registry.command.adoption;

import de.efa.registry.command.lookup.ServiceFacts;
import de.efa.registry.kernel.common.RuleViolated;
import de.efa.registry.kernel.service.ServiceVersion;

/**
 * Which version an adoption runs on when the request names none: the service's latest ACTIVE version. One place for
 * a single adoption and a bulk adoption alike, so both pick the same version and refuse alike when there is none.
 */
public final class VersionToAdopt {

    private VersionToAdopt() {
    }

    /** @param requested the version asked for, or null for the latest ACTIVE one */
    public static ServiceVersion of(ServiceFacts service, ServiceVersion requested) {
        if (requested != null) {
            return requested;
        }
        return service.latestActive().orElseThrow(() -> new RuleViolated(VersionMustBeActive.RULE, "Version not active",
                "Service " + service.serviceId() + " has no ACTIVE version to adopt"));
    }
}
