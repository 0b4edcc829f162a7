package de.efa.registry.command.adoption;

import de.efa.registry.command.lookup.RuleFacts;
import de.efa.registry.command.lookup.ServiceFacts;
import de.efa.registry.command.lookup.WriteLookup;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import de.efa.registry.kernel.service.VersionStatus;
import de.efa.registry.platform.web.RegistryProblem;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * The rules an adoption must pass that the municipality cannot know by itself: the service exists, the version
 * exists and is ACTIVE, and the cross-border rule. Read from the write-side lookup; injected into the Municipality's
 * command handlers.
 */
@Component
public class AdoptionEligibility {

    public static final String VERSION_NOT_ACTIVE = "version-not-active";

    private final WriteLookup lookup;
    private final CrossBorderPolicy crossBorder = new CrossBorderPolicy();

    public AdoptionEligibility(WriteLookup lookup) {
        this.lookup = lookup;
    }

    /** @param requested the version asked for, or null for the latest ACTIVE one */
    public ResolvedAdoption forAdoption(ServiceId serviceId, Ags ags, ServiceVersion requested, LocalDate effectiveFrom) {
        RuleFacts facts = lookup.ruleFacts();
        ServiceFacts service = service(facts, serviceId);
        ServiceVersion version = requested != null ? requested : service.latestActive().orElseThrow(() ->
                RegistryProblem.ruleViolated(VERSION_NOT_ACTIVE, "Version not active",
                        "Service " + serviceId + " has no ACTIVE version to adopt"));
        requireActive(service, version);
        crossBorder.check(service, ags.state(), effectiveFrom, facts.cooperations());
        return new ResolvedAdoption(version, service.providingState(),
                crossBorder.isCrossBorder(service.providingState(), ags.state()));
    }

    /** A switch stays with its service and its provider; only the target version must be ACTIVE. */
    public void forSwitch(ServiceId serviceId, ServiceVersion target) {
        requireActive(service(lookup.ruleFacts(), serviceId), target);
    }

    private static ServiceFacts service(RuleFacts facts, ServiceId serviceId) {
        return facts.service(serviceId).orElseThrow(() -> RegistryProblem.notFound("Service", serviceId));
    }

    private static void requireActive(ServiceFacts service, ServiceVersion version) {
        VersionStatus status = service.statusOf(version).orElseThrow(() ->
                RegistryProblem.notFound("Version " + version + " of service", service.serviceId()));
        if (status != VersionStatus.ACTIVE) {
            throw RegistryProblem.ruleViolated(VERSION_NOT_ACTIVE, "Version not active",
                    "Version " + version + " of service " + service.serviceId() + " is " + status + ", not ACTIVE");
        }
    }
}
