package de.efa.registry.kernel.service;

import java.time.LocalDate;

/** A version was deprecated: it still serves, but announces its sunset and optionally a successor. */
public record VersionDeprecated(ServiceId serviceId, ServiceVersion version, LocalDate sunsetOn, ServiceVersion successor) {
}
