package de.efa.registry.kernel.authority;

/**
 * What the registry records of an authority besides its state: its names, address and contact, and — once it is
 * connected to FIT-Connect — its destination with the destination's signature. {@code websiteUrl} is an https URL or
 * null.
 */
public record AuthorityProfile(String name, String shortName, PostalAddress address, AuthorityContact contact,
                               DestinationId destinationId, DestinationSignature destinationSignature,
                               String websiteUrl) {

    /** Whether a routing client can send applications to it: FIT-Connect needs both destination and signature. */
    public boolean isRoutable() {
        return destinationId != null && destinationSignature != null;
    }
}
