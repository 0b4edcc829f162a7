package de.efa.registry.kernel.authority;

/** An authority's street address (Hausanschrift), as the routing answers pass it on. */
public record PostalAddress(String street, String houseNumber, String zip, String city) {
}
