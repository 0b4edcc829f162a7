package de.efa.registry.query.register;

import org.bson.Document;

/**
 * An authority as the register keeps it. {@code destinationId} and {@code destinationSignature} are null until it is
 * connected to FIT-Connect; {@code email}, {@code phone} and {@code websiteUrl} may be null.
 */
public record Authority(String authorityId, String state, String name, String shortName, String street,
                        String houseNumber, String zip, String city, String email, String phone, String destinationId,
                        String destinationSignature, String websiteUrl) {

    /** Whether a routing client can send applications to it: FIT-Connect needs destination and signature. */
    public boolean isRoutable() {
        return destinationId != null && destinationSignature != null;
    }

    static Authority of(Document stored) {
        Document address = stored.get("address", new Document());
        Document contact = stored.get("contact", new Document());
        return new Authority(stored.getString("authorityId"), stored.getString("state"), stored.getString("name"),
                stored.getString("shortName"), address.getString("street"), address.getString("houseNumber"),
                address.getString("zip"), address.getString("city"), contact.getString("email"),
                contact.getString("phone"), stored.getString("destinationId"), stored.getString("destinationSignature"),
                stored.getString("websiteUrl"));
    }
}
