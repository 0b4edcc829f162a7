package de.efa.registry.kernel.service;

import java.time.LocalDate;

/** A version was retired; its adoptions move to the successor, or become unsupported without one. */
public record VersionRetired(ServiceId serviceId, ServiceVersion version, LocalDate retiredOn, ServiceVersion successor) {
}
