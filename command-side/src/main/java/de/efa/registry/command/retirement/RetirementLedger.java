package de.efa.registry.command.retirement;

import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The retirement process's own memory, built only from the events it has processed, in stream order: which versions
 * are retired and which adoptions run on which version. Because both facts come from the same ordered stream,
 * whichever of "adoption onto v" and "v retired" comes second finds the other — no race with the live lookup.
 */
interface RetirementLedger {

    record Retirement(LocalDate retiredOn, ServiceVersion successor) {
    }

    record RunningAdoption(AdoptionId adoptionId, Ags ags) {
    }

    void retired(ServiceId serviceId, ServiceVersion version, LocalDate retiredOn, ServiceVersion successor);

    Optional<Retirement> retirementOf(ServiceId serviceId, ServiceVersion version);

    /** The process has moved every adoption that ran on the retired version when it saw the retirement. */
    void moved(ServiceId serviceId, ServiceVersion version);

    /** Whether {@link #moved} was recorded for this retirement. */
    boolean hasMoved(ServiceId serviceId, ServiceVersion version);

    void runsOn(AdoptionId adoptionId, Ags ags, ServiceId serviceId, ServiceVersion version);

    void stopped(AdoptionId adoptionId);

    List<RunningAdoption> activeOn(ServiceId serviceId, ServiceVersion version);
}
