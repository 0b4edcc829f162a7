package de.efa.registry.command.municipality;

import de.efa.registry.kernel.adoption.AdoptionStatus;
import de.efa.registry.kernel.authority.AuthorityId;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;

import java.time.LocalDate;

/**
 * What a municipality remembers of one of its adoptions to guard the next command on it: the service serves the
 * municipality from {@code effectiveFrom} up to (excluding) {@code endsOn}, which is null until the adoption ends.
 * {@code authorityId} is the authority named last, from {@code authoritySince} on (both null while none is named;
 * snapshots taken before authorities existed hold neither).
 */
record MunicipalAdoption(ServiceId serviceId, ServiceVersion version, AdoptionStatus status, LocalDate effectiveFrom,
                         LocalDate endsOn, AuthorityId authorityId, LocalDate authoritySince) {

    MunicipalAdoption(ServiceId serviceId, ServiceVersion version, LocalDate effectiveFrom) {
        this(serviceId, version, AdoptionStatus.ACTIVE, effectiveFrom, null, null, null);
    }

    boolean isInUse() {
        return status != AdoptionStatus.ENDED;
    }

    /**
     * Whether this adoption still serves on some day from {@code day} on: while in use always; once ended, when it
     * ends after that day (a termination may be dated ahead, and a day served twice would list the service twice).
     */
    boolean servesOnOrAfter(LocalDate day) {
        return isInUse() || (endsOn != null && endsOn.isAfter(day));
    }

    MunicipalAdoption on(ServiceVersion next) {
        return new MunicipalAdoption(serviceId, next, AdoptionStatus.ACTIVE, effectiveFrom, endsOn, authorityId, authoritySince);
    }

    MunicipalAdoption with(AdoptionStatus next) {
        return new MunicipalAdoption(serviceId, version, next, effectiveFrom, endsOn, authorityId, authoritySince);
    }

    MunicipalAdoption endingOn(LocalDate day) {
        return new MunicipalAdoption(serviceId, version, AdoptionStatus.ENDED, effectiveFrom, day, authorityId, authoritySince);
    }

    MunicipalAdoption handledBy(AuthorityId authority, LocalDate since) {
        return new MunicipalAdoption(serviceId, version, status, effectiveFrom, endsOn, authority, since);
    }
}
