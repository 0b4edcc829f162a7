package de.efa.registry.query.cooperation;

import io.swagger.v3.oas.annotations.media.Schema;
import de.efa.registry.query.register.Cooperation;

import java.util.List;

/** A cooperation agreement of states as {@code GET /cooperations} shows it, with every membership, past ones too. */
record CooperationEntry(String cooperationId, String name, String signedOn, List<Membership> members) {

    static CooperationEntry of(Cooperation cooperation) {
        List<Membership> members = cooperation.members().stream()
                .map(m -> new Membership(m.state(), m.joinedOn(), m.leftOn()))
                .toList();
        return new CooperationEntry(cooperation.cooperationId(), cooperation.name(), cooperation.signedOn(), members);
    }

    /** A state's membership from the day it joined; {@code leftOn} is null while it lasts. */
    record Membership(String state, String joinedOn, @Schema(types = {"string", "null"}) String leftOn) {
    }
}
