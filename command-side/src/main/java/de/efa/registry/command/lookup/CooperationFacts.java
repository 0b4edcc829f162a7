package de.efa.registry.command.lookup;

import de.efa.registry.kernel.cooperation.CooperationId;
import de.efa.registry.kernel.municipality.StateCode;

import java.time.LocalDate;
import java.util.List;

/** A cooperation's memberships as the write side needs them for the cross-border rule. */
public record CooperationFacts(CooperationId cooperationId, String name, List<Membership> memberships) {

    public CooperationFacts {
        memberships = List.copyOf(memberships);
    }

    /** A state's membership from {@code joinedOn} (inclusive) until {@code leftOn} (exclusive: the day it left). */
    public record Membership(StateCode state, LocalDate joinedOn, LocalDate leftOn) {

        public boolean coversDate(LocalDate date) {
            return !date.isBefore(joinedOn) && (leftOn == null || date.isBefore(leftOn));
        }
    }

    public boolean isMemberOn(StateCode state, LocalDate date) {
        return memberships.stream().anyMatch(m -> m.state().equals(state) && m.coversDate(date));
    }
}
