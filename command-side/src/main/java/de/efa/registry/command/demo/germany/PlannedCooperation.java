package de.efa.registry.command.demo.germany;

import de.efa.registry.kernel.cooperation.CooperationId;
import de.efa.registry.kernel.municipality.StateCode;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A cooperation the seed founds, and the states that join it later, each on its day. */
record PlannedCooperation(CooperationId id, String name, List<StateCode> founders, LocalDate signedOn,
                          Map<StateCode, LocalDate> joiners) {

    /** The day from which a state is a member, if it ever is. */
    Optional<LocalDate> memberFrom(StateCode state) {
        return founders.contains(state) ? Optional.of(signedOn) : Optional.ofNullable(joiners.get(state));
    }

    /** The first day both states are members — from then on one may adopt the other's EFA services. */
    Optional<LocalDate> sharedFrom(StateCode a, StateCode b) {
        return memberFrom(a).flatMap(from -> memberFrom(b).map(other -> from.isAfter(other) ? from : other));
    }

    static Map<StateCode, LocalDate> joining(Object... stateAndDate) {
        Map<StateCode, LocalDate> joiners = new LinkedHashMap<>();
        for (int i = 0; i < stateAndDate.length; i += 2) {
            joiners.put(StateCode.of((String) stateAndDate[i]), LocalDate.parse((String) stateAndDate[i + 1]));
        }
        return joiners;
    }
}
