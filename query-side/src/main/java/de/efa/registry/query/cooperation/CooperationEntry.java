package de.efa.registry.query.cooperation;

import io.swagger.v3.oas.annotations.media.Schema;
import org.bson.Document;

import java.util.List;

/** A cooperation agreement of states as {@code GET /cooperations} shows it, with every membership, past ones too. */
record CooperationEntry(String cooperationId, String name, String signedOn, List<Membership> members) {

    @SuppressWarnings("unchecked")
    static CooperationEntry of(Document stored) {
        List<Membership> members = ((List<Document>) stored.get("members", List.class)).stream()
                .map(m -> new Membership(m.getString("state"), m.getString("joinedOn"), m.getString("leftOn")))
                .toList();
        return new CooperationEntry(stored.getString("cooperationId"), stored.getString("name"),
                stored.getString("signedOn"), members);
    }

    /** A state's membership from the day it joined; {@code leftOn} is null while it lasts. */
    record Membership(String state, String joinedOn, @Schema(types = {"string", "null"}) String leftOn) {
    }
}
