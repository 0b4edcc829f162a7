package de.efa.registry.kernel.municipality;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Mark a municipality as no longer in the directory in force. */
public record DissolveMunicipality(@TargetAggregateIdentifier Ags ags, java.time.LocalDate gebietsstand) {
}
