package de.efa.registry.kernel.cooperation;

import de.efa.registry.kernel.municipality.StateCode;
import java.time.LocalDate;

/** States signed a cooperation agreement (letter of intent) to exchange online services. */
public record CooperationFounded(CooperationId cooperationId, String name, java.util.List<StateCode> foundingStates, LocalDate signedOn) {
}
