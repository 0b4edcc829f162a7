package de.efa.registry.command.municipality;

import de.efa.registry.kernel.common.Conflict;
import de.efa.registry.kernel.common.NotFound;
import de.efa.registry.kernel.common.RuleViolated;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import de.efa.registry.command.adoption.AdoptionEligibility;
import de.efa.registry.command.adoption.ResolvedAdoption;
import de.efa.registry.command.axon.AggregateCaching;
import de.efa.registry.command.axon.CommandTargets;
import de.efa.registry.kernel.adoption.AdoptService;
import de.efa.registry.kernel.adoption.AdoptionAuthorityAssigned;
import de.efa.registry.kernel.adoption.AssignAdoptionAuthority;
import de.efa.registry.kernel.adoption.AdoptionEnded;
import de.efa.registry.kernel.adoption.EndAdoptionWithItsAgreement;
import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.adoption.AdoptionMarkedUnsupported;
import de.efa.registry.kernel.adoption.AdoptionStarted;
import de.efa.registry.kernel.adoption.AdoptionStatus;
import de.efa.registry.kernel.adoption.AdoptionVersionSwitched;
import de.efa.registry.kernel.adoption.MarkAdoptionUnsupported;
import de.efa.registry.kernel.adoption.MigrateAdoption;
import de.efa.registry.kernel.adoption.SwitchAdoptionVersion;
import de.efa.registry.kernel.adoption.SwitchReason;
import de.efa.registry.kernel.adoption.TerminateAdoption;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.ChangeMunicipality;
import de.efa.registry.kernel.municipality.DissolveMunicipality;
import de.efa.registry.kernel.municipality.MunicipalityChanged;
import de.efa.registry.kernel.municipality.MunicipalityDissolved;
import de.efa.registry.kernel.municipality.MunicipalityRecorded;
import de.efa.registry.kernel.municipality.RecordMunicipality;
import de.efa.registry.kernel.service.ServiceVersion;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A municipality of the official directory and its adoptions. It alone guards "at most one adoption of a service at a
 * time" — in use (ACTIVE or UNSUPPORTED), or ended on a day after the new one would take effect — since all adoptions
 * of a municipality live in its event stream. Rules about services and cooperations come from
 * {@link AdoptionEligibility}.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE)
@Aggregate(cache = AggregateCaching.CACHE, commandTargetResolver = CommandTargets.BEAN)
public class Municipality {

    @AggregateIdentifier
    private Ags ags;
    private boolean dissolved;
    private Map<AdoptionId, MunicipalAdoption> adoptions = new HashMap<>();

    protected Municipality() {
        // for Axon
    }

    @CommandHandler
    public Municipality(RecordMunicipality c) {
        apply(new MunicipalityRecorded(c.ags(), c.ars(), c.name(), c.district(), c.districtName(), c.associationName(),
                c.population(), c.areaHa(), c.postalCode(), c.gebietsstand()));
    }

    /** Also brings a dissolved municipality back when a later directory lists it again. */
    @CommandHandler
    void handle(ChangeMunicipality c) {
        apply(new MunicipalityChanged(c.ags(), c.ars(), c.name(), c.district(), c.districtName(), c.associationName(),
                c.population(), c.areaHa(), c.postalCode(), c.gebietsstand()));
    }

    @CommandHandler
    void handle(DissolveMunicipality c) {
        if (!dissolved) {
            apply(new MunicipalityDissolved(ags, c.gebietsstand()));
        }
    }

    /** @return the version the rules chose (the latest ACTIVE one when none was asked for): the caller's answer */
    @CommandHandler
    ServiceVersion handle(AdoptService c, AdoptionEligibility eligibility) {
        if (dissolved) {
            throw new RuleViolated("municipality-dissolved", "Municipality dissolved",
                    "Municipality " + ags + " is no longer in the directory in force");
        }
        if (adoptions.containsKey(c.adoptionId())) {
            throw new Conflict("Adoption " + c.adoptionId() + " already exists");
        }
        adoptions.entrySet().stream()
                .filter(a -> a.getValue().serviceId().equals(c.serviceId()) && a.getValue().servesOnOrAfter(c.effectiveFrom()))
                .findFirst().ifPresent(a -> {
                    MunicipalAdoption serving = a.getValue();
                    throw new Conflict("Municipality " + ags + " already has adoption " + a.getKey()
                            + " of service " + c.serviceId() + (serving.isInUse() ? " (" + serving.status() + ")"
                            : ", which serves until " + serving.endsOn() + ": a new one can take effect on that day at the earliest"));
                });
        ResolvedAdoption admitted = eligibility.forAdoption(c.serviceId(), ags, c.version(), c.effectiveFrom(),
                c.authorityId());
        apply(new AdoptionStarted(c.adoptionId(), ags, c.serviceId(), admitted.version(), admitted.providingState(),
                admitted.crossBorder(), c.effectiveFrom(), admitted.legalBasis()));
        if (c.authorityId() != null) {
            apply(new AdoptionAuthorityAssigned(c.adoptionId(), ags, c.serviceId(), c.authorityId(), c.effectiveFrom()));
        }
        return admitted.version();
    }

    @CommandHandler
    void handle(SwitchAdoptionVersion c, AdoptionEligibility eligibility) {
        MunicipalAdoption adoption = inUse(c.adoptionId());
        if (adoption.version().equals(c.version()) && adoption.status() == AdoptionStatus.ACTIVE) {
            throw new Conflict("Adoption " + c.adoptionId() + " already runs on version " + c.version());
        }
        requireNotBeforeStart(adoption, c.effectiveFrom());
        eligibility.forSwitch(adoption.serviceId(), ags, c.version(), c.effectiveFrom());
        apply(new AdoptionVersionSwitched(c.adoptionId(), ags, adoption.serviceId(), adoption.version(), c.version(),
                c.effectiveFrom(), SwitchReason.REQUESTED));
    }

    /**
     * Names the authority that handles the adoption's applications from a day on; the one named before stays
     * responsible for the days before. Naming the one already named from the same day changes nothing.
     */
    @CommandHandler
    void handle(AssignAdoptionAuthority c, AdoptionEligibility eligibility) {
        MunicipalAdoption adoption = inUse(c.adoptionId());
        requireNotBeforeStart(adoption, c.effectiveFrom());
        eligibility.forAuthority(c.authorityId(), ags);
        if (c.authorityId().equals(adoption.authorityId()) && c.effectiveFrom().equals(adoption.authoritySince())) {
            throw new Conflict("Authority " + c.authorityId() + " already handles adoption " + c.adoptionId()
                    + " from " + c.effectiveFrom());
        }
        apply(new AdoptionAuthorityAssigned(c.adoptionId(), ags, adoption.serviceId(), c.authorityId(), c.effectiveFrom()));
    }

    @CommandHandler
    void handle(TerminateAdoption c) {
        MunicipalAdoption adoption = inUse(c.adoptionId());
        requireNotBeforeStart(adoption, c.endsOn());
        apply(new AdoptionEnded(c.adoptionId(), ags, adoption.serviceId(), c.endsOn()));
    }

    /**
     * From the agreement-end process; a repeat, or an adoption already ended by its own termination, changes nothing
     * (an end once recorded is not moved). One that would take effect only on or after the agreement's end ends on its
     * first day, so it never serves a day without a legal basis.
     */
    @CommandHandler
    void handle(EndAdoptionWithItsAgreement c) {
        MunicipalAdoption adoption = adoptions.get(c.adoptionId());
        if (adoption == null || !adoption.isInUse()) {
            return;
        }
        LocalDate endsOn = c.endsOn().isBefore(adoption.effectiveFrom()) ? adoption.effectiveFrom() : c.endsOn();
        apply(new AdoptionEnded(c.adoptionId(), ags, adoption.serviceId(), endsOn));
    }

    /** From the retirement process; a repeat, or an adoption that moved on meanwhile, changes nothing. */
    @CommandHandler
    void handle(MigrateAdoption c) {
        MunicipalAdoption adoption = adoptions.get(c.adoptionId());
        if (adoption == null || adoption.status() != AdoptionStatus.ACTIVE || !adoption.version().equals(c.retiredVersion())) {
            return;
        }
        LocalDate effective = c.effectiveFrom().isBefore(adoption.effectiveFrom()) ? adoption.effectiveFrom() : c.effectiveFrom();
        apply(new AdoptionVersionSwitched(c.adoptionId(), ags, adoption.serviceId(), c.retiredVersion(), c.successor(),
                effective, SwitchReason.RETIREMENT_MIGRATION));
    }

    /** From the retirement process; idempotent like {@link #handle(MigrateAdoption)}. */
    @CommandHandler
    void handle(MarkAdoptionUnsupported c) {
        MunicipalAdoption adoption = adoptions.get(c.adoptionId());
        if (adoption == null || adoption.status() != AdoptionStatus.ACTIVE || !adoption.version().equals(c.retiredVersion())) {
            return;
        }
        apply(new AdoptionMarkedUnsupported(c.adoptionId(), ags, adoption.serviceId(), c.retiredVersion(), c.since()));
    }

    private MunicipalAdoption inUse(AdoptionId adoptionId) {
        MunicipalAdoption adoption = adoptions.get(adoptionId);
        if (adoption == null) {
            throw new NotFound("Adoption", adoptionId);
        }
        if (!adoption.isInUse()) {
            throw new RuleViolated("adoption-ended", "Adoption ended", "Adoption " + adoptionId + " has ended");
        }
        return adoption;
    }

    private static void requireNotBeforeStart(MunicipalAdoption adoption, LocalDate date) {
        if (date.isBefore(adoption.effectiveFrom())) {
            throw new RuleViolated("date-before-adoption", "Date before adoption",
                    "The date " + date + " lies before the adoption took effect on " + adoption.effectiveFrom());
        }
    }

    @EventSourcingHandler
    void on(MunicipalityRecorded e) {
        this.ags = e.ags();
        this.dissolved = false;
    }

    @EventSourcingHandler
    void on(MunicipalityChanged e) {
        this.dissolved = false;
    }

    @EventSourcingHandler
    void on(MunicipalityDissolved e) {
        this.dissolved = true;
    }

    @EventSourcingHandler
    void on(AdoptionStarted e) {
        adoptions.put(e.adoptionId(), new MunicipalAdoption(e.serviceId(), e.version(), e.effectiveFrom()));
    }

    @EventSourcingHandler
    void on(AdoptionAuthorityAssigned e) {
        adoptions.computeIfPresent(e.adoptionId(), (id, a) -> a.handledBy(e.authorityId(), e.effectiveFrom()));
    }

    @EventSourcingHandler
    void on(AdoptionVersionSwitched e) {
        adoptions.computeIfPresent(e.adoptionId(), (id, a) -> a.on(e.toVersion()));
    }

    @EventSourcingHandler
    void on(AdoptionMarkedUnsupported e) {
        adoptions.computeIfPresent(e.adoptionId(), (id, a) -> a.with(AdoptionStatus.UNSUPPORTED));
    }

    @EventSourcingHandler
    void on(AdoptionEnded e) {
        adoptions.computeIfPresent(e.adoptionId(), (id, a) -> a.endingOn(e.endsOn()));
    }
}
