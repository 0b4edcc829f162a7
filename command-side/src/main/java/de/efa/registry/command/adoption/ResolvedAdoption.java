package de.efa.registry.command.adoption;

import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.ServiceVersion;

/** An adoption the rules admitted: the version it runs on, who provides it, and whether it crosses a state border. */
public record ResolvedAdoption(ServiceVersion version, StateCode providingState, boolean crossBorder) {
}
