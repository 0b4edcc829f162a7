package de.efa.registry.query.reuse;

import org.bson.Document;

import java.util.List;

/** A service offered for reuse, with every state that declared interest in it. */
public record Offer(String offerId, String serviceId, String providingState, String terms, String costModel,
                    String validFrom, List<Interest> interests) {

    /** A state's declared interest, and the day it declared it. */
    public record Interest(String state, String declaredOn) {
    }

    static Offer of(Document stored) {
        List<Interest> interests = stored.getList("interests", Document.class, List.of()).stream()
                .map(i -> new Interest(i.getString("state"), i.getString("declaredOn"))).toList();
        return new Offer(stored.getString("offerId"), stored.getString("serviceId"), stored.getString("providingState"),
                stored.getString("terms"), stored.getString("costModel"), stored.getString("validFrom"), interests);
    }
}
