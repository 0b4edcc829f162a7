package de.efa.registry.kernel.cooperation;

import de.efa.registry.kernel.municipality.StateCode;

import java.time.LocalDate;

/** A founding state signed a pending cooperation agreement. */
public record CooperationSigned(CooperationId cooperationId, StateCode state, LocalDate signedOn) {
}
