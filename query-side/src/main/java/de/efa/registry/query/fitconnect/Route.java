package de.efa.registry.query.fitconnect;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.efa.registry.query.register.Authority;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * One FIT-Connect destination that receives applications: the authority responsible, as its owner recorded it. The
 * API's fields are not nullable, so what the authority does not record is left out rather than written as null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FitConnectRoute")
record Route(@Schema(format = "uuid", requiredMode = Schema.RequiredMode.REQUIRED,
                     example = "3fa85f64-5717-4562-b3fc-2c963f66afa6") String destinationId,
             @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "A JWS in compact form",
                     example = "eyJhbGciOiJQUzUxMiJ9.eyJkZXN0aW5hdGlvbklkIjoiM2ZhODVmNjQifQ.c2lnbmF0dXJl")
             String destinationSignature,
             @Schema(example = "Stadtverwaltung Erfurt - Amt für Soziales - Wohngeldstelle") String destinationName,
             @Schema(example = "Wohngeldstelle Erfurt") String destinationShortName,
             List<ContactPerson> contactPersons,
             Address address) {

    /** The route of an authority that records destination and signature (callers check {@link Authority#isRoutable}). */
    static Route of(Authority authority) {
        List<ContactPerson> contacts = authority.email() == null && authority.phone() == null ? null
                : List.of(new ContactPerson(authority.phone(), authority.email()));
        Address address = authority.street() == null ? null
                : new Address(authority.street(), authority.houseNumber(), authority.zip(), authority.city());
        return new Route(authority.destinationId(), authority.destinationSignature(), authority.name(),
                authority.shortName(), contacts, address);
    }

    /** How the authority is reached; the registry records no person's name, so none is given. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FitConnectContactPerson")
    record ContactPerson(@Schema(example = "+49 361 655-0") String tel,
                         @Schema(format = "email", example = "wohngeld@erfurt.de") String email) {
    }

    /** The authority's street address (Hausanschrift). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FitConnectAddress")
    record Address(String street, String houseNumber, String zip, String city) {
    }
}
