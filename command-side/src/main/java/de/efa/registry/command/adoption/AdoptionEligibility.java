package de.efa.registry.command.adoption;

import de.efa.registry.command.lookup.RuleFacts;
import de.efa.registry.command.lookup.ServiceFacts;
import de.efa.registry.command.lookup.WriteLookup;
import de.efa.registry.kernel.authority.AuthorityId;
import de.efa.registry.kernel.common.NotFound;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * Gathers the facts an adoption or a switch is judged on from the write-side lookup — once, as of one moment — and
 * applies the named policies to them. Injected into the Municipality's command handlers, so a single adoption, every
 * municipality of a bulk adoption and a switch pass the very same rules.
 */
@Component
public class AdoptionEligibility {

    /** A new adoption: an ACTIVE version, released by its first day, and the cross-border rule. */
    static final List<AdoptionPolicy> FOR_ADOPTION =
            List.of(new VersionMustBeActive(), new VersionMustBeReleased(), new CrossBorderPolicy());
    /** A switch stays with its service and its provider; only the target version must be ACTIVE and released. */
    static final List<AdoptionPolicy> FOR_SWITCH = List.of(new VersionMustBeActive(), new VersionMustBeReleased());

    private final WriteLookup lookup;

    public AdoptionEligibility(WriteLookup lookup) {
        this.lookup = lookup;
    }

    /** @param requested the version asked for, or null for the latest ACTIVE one */
    public ResolvedAdoption forAdoption(ServiceId serviceId, Ags ags, ServiceVersion requested, LocalDate effectiveFrom) {
        return forAdoption(serviceId, ags, requested, effectiveFrom, null);
    }

    /**
     * @param requested   the version asked for, or null for the latest ACTIVE one
     * @param authorityId the authority to handle its applications, or null for none named (yet)
     */
    public ResolvedAdoption forAdoption(ServiceId serviceId, Ags ags, ServiceVersion requested, LocalDate effectiveFrom,
                                        AuthorityId authorityId) {
        RuleFacts facts = lookup.ruleFacts();
        ServiceFacts service = service(facts, serviceId);
        if (authorityId != null) {
            AuthorityOfTheState.check(facts, authorityId, ags);
        }
        AdoptionCase adoption = new AdoptionCase(service, VersionToAdopt.of(service, requested), ags.state(),
                effectiveFrom, facts.cooperations(), facts.agreements());
        FOR_ADOPTION.forEach(policy -> policy.check(adoption));
        return new ResolvedAdoption(adoption.version(), service.providingState(),
                CrossBorderPolicy.isCrossBorder(service.providingState(), ags.state()),
                CrossBorderPolicy.legalBasis(adoption).orElse(null));
    }

    public void forSwitch(ServiceId serviceId, Ags ags, ServiceVersion target, LocalDate effectiveFrom) {
        RuleFacts facts = lookup.ruleFacts();
        AdoptionCase adoption = new AdoptionCase(service(facts, serviceId), target, ags.state(), effectiveFrom,
                facts.cooperations(), facts.agreements());
        FOR_SWITCH.forEach(policy -> policy.check(adoption));
    }

    /** A change of the authority that handles an adoption's applications. */
    public void forAuthority(AuthorityId authorityId, Ags ags) {
        AuthorityOfTheState.check(lookup.ruleFacts(), authorityId, ags);
    }

    private static ServiceFacts service(RuleFacts facts, ServiceId serviceId) {
        return facts.service(serviceId).orElseThrow(() -> new NotFound("Service", serviceId));
    }
}
