package de.efa.registry.kernel.cooperation;

import de.efa.registry.kernel.municipality.StateCode;
import java.time.LocalDate;

/** A state left a cooperation; its existing cross-border adoptions stay. */
public record StateLeftCooperation(CooperationId cooperationId, StateCode state, LocalDate leftOn) {
}
