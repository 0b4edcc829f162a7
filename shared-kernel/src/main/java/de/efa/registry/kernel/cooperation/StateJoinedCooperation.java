package de.efa.registry.kernel.cooperation;

import de.efa.registry.kernel.municipality.StateCode;
import java.time.LocalDate;

/** A state joined a cooperation. */
public record StateJoinedCooperation(CooperationId cooperationId, StateCode state, LocalDate joinedOn) {
}
