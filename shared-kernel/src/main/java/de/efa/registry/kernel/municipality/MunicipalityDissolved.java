package de.efa.registry.kernel.municipality;

import java.time.LocalDate;

/** A municipality is no longer in the directory in force (merged or dissolved). */
public record MunicipalityDissolved(Ags ags, LocalDate gebietsstand) {
}
