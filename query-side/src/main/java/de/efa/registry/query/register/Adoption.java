package de.efa.registry.query.register;

import org.bson.Document;

import java.util.List;

/**
 * An adoption as its municipality's document keeps it: the service version it uses since {@code versionSince}, its
 * status, from when to when it applies ({@code endsOn} null while open), and the authorities named to handle it.
 */
public record Adoption(String adoptionId, String serviceId, String ags, String version, String status,
                       String effectiveFrom, String endsOn, Boolean crossBorder, String providingState,
                       String versionSince, List<AuthorityAssignment> authorities) {

    static Adoption of(String adoptionId, String ags, Document stored) {
        return new Adoption(adoptionId, stored.getString("s"), ags, stored.getString("v"), stored.getString("st"),
                stored.getString("f"), stored.getString("e"), stored.getBoolean("xb"), stored.getString("ps"),
                stored.getString("vs"), AuthorityAssignment.of(stored));
    }
}
