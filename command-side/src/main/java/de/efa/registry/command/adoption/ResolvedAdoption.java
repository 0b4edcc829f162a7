package de.efa.registry.command.adoption;

import de.efa.registry.kernel.adoption.CrossBorderBasis;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.ServiceVersion;

/**
 * An adoption the rules admitted: the version it runs on, who provides it, whether it crosses a state border, and if
 * so what it rests on.
 */
public record ResolvedAdoption(ServiceVersion version, StateCode providingState, boolean crossBorder,
                               CrossBorderBasis legalBasis) {
}
