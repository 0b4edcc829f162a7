package de.efa.registry.query.authority;

import de.efa.registry.query.register.Authority;
import io.swagger.v3.oas.annotations.media.Schema;

/** An authority as {@code GET /authorities} shows it: what its owner recorded. */
record AuthorityEntry(String authorityId, String name, String shortName, String state, Address address, Contact contact,
                      @Schema(types = {"string", "null"}, format = "uuid",
                              description = "Its FIT-Connect destination; null until it is connected")
                      String destinationId,
                      @Schema(types = {"string", "null"}, description = "The destination's signature, a JWS in compact form")
                      String destinationSignature,
                      @Schema(types = {"string", "null"}) String websiteUrl) {

    static AuthorityEntry of(Authority authority) {
        return new AuthorityEntry(authority.authorityId(), authority.name(), authority.shortName(), authority.state(),
                new Address(authority.street(), authority.houseNumber(), authority.zip(), authority.city()),
                new Contact(authority.email(), authority.phone()), authority.destinationId(),
                authority.destinationSignature(), authority.websiteUrl());
    }

    @Schema(name = "AuthorityAddress")
    record Address(String street, String houseNumber, String zip, String city) {
    }

    @Schema(name = "AuthorityContact")
    record Contact(@Schema(types = {"string", "null"}) String email, @Schema(types = {"string", "null"}) String phone) {
    }
}
