package de.efa.registry.command.lookup;

import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;

import java.net.URI;

/** A version that is still in service (ACTIVE or DEPRECATED) with the http(s) address it is reached at. */
public record VersionLink(ServiceId serviceId, ServiceVersion version, URI url) {
}
