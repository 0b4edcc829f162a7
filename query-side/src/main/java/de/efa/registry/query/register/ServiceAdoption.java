package de.efa.registry.query.register;

import org.bson.Document;

import java.util.List;

/** One adoption of a service as the service's adoptions per district keep it, with the adopting state. */
public record ServiceAdoption(String adoptionId, String ags, String state, String version, String status,
                              String effectiveFrom, String endsOn, List<AuthorityAssignment> authorities,
                              List<ServingSpan> serving) {

    /** Where the adoption stands on {@code day} by its effective dates. */
    public ServingSpan.Phase phaseOn(String day) {
        return ServingSpan.phaseOn(serving, day);
    }

    static ServiceAdoption of(String adoptionId, String state, Document stored) {
        return new ServiceAdoption(adoptionId, stored.getString("g"), state, stored.getString("v"),
                stored.getString("st"), stored.getString("f"), stored.getString("e"), AuthorityAssignment.of(stored),
                ServingSpan.parseAll(stored.getList("sv", String.class, List.of())));
    }
}
