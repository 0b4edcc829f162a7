package de.efa.registry.query.register;

import org.bson.Document;

import java.util.List;

/** A cooperation of states as the register keeps it, with every membership from the day it began. */
public record Cooperation(String cooperationId, String name, String signedOn, List<Membership> members) {

    /** A state's membership; {@code leftOn} is null while it lasts. */
    public record Membership(String state, String joinedOn, String leftOn) {
    }

    @SuppressWarnings("unchecked")
    static Cooperation of(Document stored) {
        List<Membership> members = ((List<Document>) stored.get("members", List.class)).stream()
                .map(m -> new Membership(m.getString("state"), m.getString("joinedOn"), m.getString("leftOn")))
                .toList();
        return new Cooperation(stored.getString("cooperationId"), stored.getString("name"),
                stored.getString("signedOn"), members);
    }
}
