package de.efa.registry.query.register;

import org.bson.Document;

/**
 * An adoption as its municipality's document keeps it: the service version it uses since {@code versionSince}, its
 * status, and from when to when it applies ({@code endsOn} null while open).
 */
public record Adoption(String adoptionId, String serviceId, String ags, String version, String status,
                       String effectiveFrom, String endsOn, Boolean crossBorder, String providingState,
                       String versionSince) {

    static Adoption of(String adoptionId, String ags, Document stored) {
        return new Adoption(adoptionId, stored.getString("s"), ags, stored.getString("v"), stored.getString("st"),
                stored.getString("f"), stored.getString("e"), stored.getBoolean("xb"), stored.getString("ps"),
                stored.getString("vs"));
    }
}
