package de.efa.registry.command.municipality;

import de.efa.registry.kernel.adoption.AdoptionStatus;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;

import java.time.LocalDate;

/** What a municipality remembers of one of its adoptions to guard the next command on it. */
record MunicipalAdoption(ServiceId serviceId, ServiceVersion version, AdoptionStatus status, LocalDate effectiveFrom) {

    boolean isInUse() {
        return status != AdoptionStatus.ENDED;
    }

    MunicipalAdoption on(ServiceVersion next) {
        return new MunicipalAdoption(serviceId, next, AdoptionStatus.ACTIVE, effectiveFrom);
    }

    MunicipalAdoption with(AdoptionStatus next) {
        return new MunicipalAdoption(serviceId, version, next, effectiveFrom);
    }
}
