package de.efa.registry.query.register;

import org.bson.Document;

import java.util.List;

/**
 * A cooperation of states as the register keeps it: PENDING with its founders' signatures until every founder has
 * signed, then ACTIVE with every membership from the day it began. Cooperations recorded before consent existed
 * carry no status and no signatures: they were in force from their founding.
 */
public record Cooperation(String cooperationId, String name, String signedOn, String status, List<Membership> members,
                          List<Signature> signatures) {

    public static final String PENDING = "PENDING";
    public static final String ACTIVE = "ACTIVE";

    /** A founding state's signature; {@code signedOn} is null until it signed. */
    public record Signature(String state, String signedOn) {
    }

    /** A state's membership; {@code leftOn} is null while it lasts. */
    public record Membership(String state, String joinedOn, String leftOn) {
    }

    @SuppressWarnings("unchecked")
    static Cooperation of(Document stored) {
        List<Membership> members = ((List<Document>) stored.get("members", List.class)).stream()
                .map(m -> new Membership(m.getString("state"), m.getString("joinedOn"), m.getString("leftOn")))
                .toList();
        List<Document> signed = stored.getList("signatures", Document.class, List.of());
        List<Signature> signatures = signed.stream()
                .map(d -> new Signature(d.getString("state"), d.getString("signedOn")))
                .toList();
        String status = stored.getString("status");
        return new Cooperation(stored.getString("cooperationId"), stored.getString("name"),
                stored.getString("signedOn"), status == null ? ACTIVE : status, members, signatures);
    }
}
