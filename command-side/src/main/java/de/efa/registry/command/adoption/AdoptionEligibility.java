package de.efa.registry.command.adoption;

import de.efa.registry.kernel.common.NotFound;
import de.efa.registry.kernel.common.RuleViolated;
import de.efa.registry.command.lookup.RuleFacts;
import de.efa.registry.command.lookup.ServiceFacts;
import de.efa.registry.command.lookup.WriteLookup;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import de.efa.registry.kernel.service.VersionStatus;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * The rules an adoption must pass that the municipality cannot know by itself: the service exists, the version
 * exists, is ACTIVE and was released by the day the adoption (or switch) takes effect, and the cross-border rule.
 * Read from the write-side lookup; injected into the Municipality's command handlers.
 */
@Component
public class AdoptionEligibility {

    public static final String VERSION_NOT_ACTIVE = "version-not-active";
    public static final String DATE_BEFORE_RELEASE = "date-before-release";

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
                new RuleViolated(VERSION_NOT_ACTIVE, "Version not active",
                        "Service " + serviceId + " has no ACTIVE version to adopt"));
        requireActive(service, version);
        requireReleasedBy(service, version, effectiveFrom);
        crossBorder.check(service, ags.state(), effectiveFrom, facts.cooperations());
        return new ResolvedAdoption(version, service.providingState(),
                crossBorder.isCrossBorder(service.providingState(), ags.state()));
    }

    /** A switch stays with its service and its provider; only the target version must be ACTIVE and released. */
    public void forSwitch(ServiceId serviceId, ServiceVersion target, LocalDate effectiveFrom) {
        ServiceFacts service = service(lookup.ruleFacts(), serviceId);
        requireActive(service, target);
        requireReleasedBy(service, target, effectiveFrom);
    }

    private static ServiceFacts service(RuleFacts facts, ServiceId serviceId) {
        return facts.service(serviceId).orElseThrow(() -> new NotFound("Service", serviceId));
    }

    /** A municipality cannot use a version before it exists: the lookup would list it for days before its release. */
    private static void requireReleasedBy(ServiceFacts service, ServiceVersion version, LocalDate effectiveFrom) {
        service.releaseOf(version).filter(effectiveFrom::isBefore).ifPresent(released -> {
            throw new RuleViolated(DATE_BEFORE_RELEASE, "Date before release", "Version " + version
                    + " of service " + service.serviceId() + " is released on " + released + ", after " + effectiveFrom);
        });
    }

    private static void requireActive(ServiceFacts service, ServiceVersion version) {
        VersionStatus status = service.statusOf(version).orElseThrow(() ->
                new NotFound("Version " + version + " of service", service.serviceId()));
        if (status != VersionStatus.ACTIVE) {
            throw new RuleViolated(VERSION_NOT_ACTIVE, "Version not active",
                    "Version " + version + " of service " + service.serviceId() + " is " + status + ", not ACTIVE");
        }
    }
}
