package de.efa.registry.kernel.cooperation;

import de.efa.registry.kernel.municipality.StateCode;

import java.time.LocalDate;
import java.util.List;

/**
 * One founding state signed a cooperation agreement on {@code signedOn}; it is pending until every other founding
 * state has signed ({@link CooperationSigned}). No rule uses a pending cooperation: only {@link CooperationFounded},
 * which follows the last signature, makes the founders members.
 */
public record CooperationProposed(CooperationId cooperationId, String name, List<StateCode> foundingStates,
                                  StateCode proposedBy, LocalDate signedOn) {
}
