package de.efa.registry.kernel.service;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A version of a service was published. Revision 2 added {@code maturityModel}: revision-1 events in the store are
 * upcast on read (they were all {@code OZG-1.0}).
 */
@Revision("2")
public record VersionPublished(ServiceId serviceId, ServiceVersion version, MaturityLevel maturityLevel,
                               String maturityModel, LocalDate releasedOn, String url) {
}
