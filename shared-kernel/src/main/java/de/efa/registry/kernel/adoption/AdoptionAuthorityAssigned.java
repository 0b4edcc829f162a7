package de.efa.registry.kernel.adoption;

import de.efa.registry.kernel.authority.AuthorityId;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.service.ServiceId;

import java.time.LocalDate;

/**
 * From {@code effectiveFrom} on, the authority handles the applications of an adoption's service in its municipality.
 * Emitted with the adoption's start when one was named, and on every change; its own event, so that
 * {@link AdoptionStarted} keeps its revision.
 */
public record AdoptionAuthorityAssigned(AdoptionId adoptionId, Ags ags, ServiceId serviceId, AuthorityId authorityId,
                                        LocalDate effectiveFrom) {
}
