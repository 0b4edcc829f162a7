package de.efa.registry.command.reuse;

import de.efa.registry.command.lookup.ServiceFacts;
import de.efa.registry.kernel.common.RuleViolated;
import de.efa.registry.kernel.service.ReuseModel;

/**
 * Only a service built for all ("Einer für Alle", reuse {@code EFA}) is offered to other states or reused under an
 * agreement: a {@code STATE_ONLY} service serves its own state by definition, and the cross-border rule never lets
 * another state's municipalities adopt it, with or without an agreement.
 */
public final class ReusableService {

    private ReusableService() {
    }

    public static void require(ServiceFacts service) {
        if (service.reuse() != ReuseModel.EFA) {
            throw new RuleViolated("service-not-efa", "Service not built for reuse", "Service " + service.serviceId()
                    + " is " + service.reuse() + ": only EFA services are offered to or reused by other states");
        }
    }
}
