package de.efa.registry.query.register;

import org.bson.Document;

import java.util.List;

/**
 * An adoption as its municipality's document keeps it: the service version it uses since {@code versionSince}, its
 * status, from when to when it applies ({@code endsOn} null while open), and the authorities named to handle it.
 */
public record Adoption(String adoptionId, String serviceId, String ags, String version, String status,
                       String effectiveFrom, String endsOn, Boolean crossBorder, String providingState,
                       String versionSince, LegalBasis legalBasis, List<AuthorityAssignment> authorities) {

    /**
     * What a cross-border adoption rests on: {@code COOPERATION} or {@code AGREEMENT} and its id. Null within one
     * state, and for cross-border adoptions recorded before legal bases were (those rested on a cooperation).
     */
    public record LegalBasis(String kind, String id) {

        static LegalBasis of(Document stored) {
            return stored == null ? null : new LegalBasis(stored.getString("k"), stored.getString("id"));
        }
    }

    static Adoption of(String adoptionId, String ags, Document stored) {
        return new Adoption(adoptionId, stored.getString("s"), ags, stored.getString("v"), stored.getString("st"),
                stored.getString("f"), stored.getString("e"), stored.getBoolean("xb"), stored.getString("ps"),
                stored.getString("vs"), LegalBasis.of(stored.get("lb", Document.class)), AuthorityAssignment.of(stored));
    }
}
