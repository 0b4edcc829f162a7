package de.efa.registry.query.cooperation;

import io.swagger.v3.oas.annotations.media.Schema;
import de.efa.registry.query.register.Cooperation;

import java.util.List;

/**
 * A cooperation agreement of states as {@code GET /cooperations} shows it: PENDING with its founders' signatures
 * until the last has signed, then ACTIVE with every membership, past ones too.
 */
record CooperationEntry(String cooperationId, String name,
                        @Schema(description = "The day it was proposed while PENDING; the last signature's day once ACTIVE")
                        String signedOn,
                        @Schema(allowableValues = {"PENDING", "ACTIVE"}) String status,
                        List<Membership> members,
                        @Schema(description = "The founding states' signatures (cooperations founded by one state)")
                        List<Signature> signatures) {

    static CooperationEntry of(Cooperation cooperation) {
        List<Membership> members = cooperation.members().stream()
                .map(m -> new Membership(m.state(), m.joinedOn(), m.leftOn()))
                .toList();
        List<Signature> signatures = cooperation.signatures().stream()
                .map(s -> new Signature(s.state(), s.signedOn()))
                .toList();
        return new CooperationEntry(cooperation.cooperationId(), cooperation.name(), cooperation.signedOn(),
                cooperation.status(), members, signatures);
    }

    /** A founding state's signature; {@code signedOn} is null until it signed. */
    record Signature(String state, @Schema(types = {"string", "null"}) String signedOn) {
    }

    /** A state's membership from the day it joined; {@code leftOn} is null while it lasts. */
    record Membership(String state, String joinedOn, @Schema(types = {"string", "null"}) String leftOn) {
    }
}
