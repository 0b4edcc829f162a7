package de.efa.registry.command.authority.web;

import de.efa.registry.command.lookup.AuthorityFacts;
import de.efa.registry.command.lookup.WriteLookup;
import de.efa.registry.command.web.CommandResponses;
import de.efa.registry.kernel.authority.AuthorityContact;
import de.efa.registry.kernel.authority.AuthorityId;
import de.efa.registry.kernel.authority.AuthorityProfile;
import de.efa.registry.kernel.authority.ChangeAuthority;
import de.efa.registry.kernel.authority.DestinationId;
import de.efa.registry.kernel.authority.DestinationSignature;
import de.efa.registry.kernel.authority.PostalAddress;
import de.efa.registry.kernel.authority.RegisterAuthority;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.platform.security.RegistryUser;
import de.efa.registry.platform.web.ApiTags;
import de.efa.registry.platform.web.PlainText;
import de.efa.registry.platform.web.RegistryProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The OWNER of a state records and keeps its authorities (Organisationseinheiten); ADMIN may act for any state. */
@RestController
@Tag(name = ApiTags.AUTHORITIES)
@RequestMapping(path = "/api/v1/authorities", produces = MediaType.APPLICATION_JSON_VALUE)
class AuthorityController {

    private final CommandResponses responses;
    private final WriteLookup lookup;

    AuthorityController(CommandResponses responses, WriteLookup lookup) {
        this.responses = responses;
        this.lookup = lookup;
    }

    @Schema(example = """
            {"street": "Beethovenstraße", "houseNumber": "3", "zip": "99096", "city": "Erfurt"}""")
    record AddressBody(@NotBlank @Size(max = 200) @PlainText String street,
                       @NotBlank @Size(max = 20) @PlainText String houseNumber,
                       @NotNull @Pattern(regexp = "[0-9]{5}", message = "must be five digits") String zip,
                       @NotBlank @Size(max = 200) @PlainText String city) {
    }

    @Schema(example = """
            {"email": "wohngeld@erfurt.de", "phone": "+49 361 655-0"}""", description = "At least one of email and phone")
    record ContactBody(@Email @Size(max = 254) @PlainText String email,
                       @Pattern(regexp = "\\+?[0-9][0-9 ()/-]{2,39}", message = "must be a phone number") String phone) {

        /** A contact names a way to reach the authority: the routing answers pass it on as its contact. */
        @AssertTrue(message = "must name an email or a phone")
        @JsonIgnore
        boolean isReachable() {
            return (email != null && !email.isBlank()) || (phone != null && !phone.isBlank());
        }
    }

    @Schema(example = """
            {"name": "Stadtverwaltung Erfurt - Amt für Soziales - Wohngeldstelle", "shortName": "Wohngeldstelle Erfurt",
             "state": "16", "address": {"street": "Juri-Gagarin-Ring", "houseNumber": "150", "zip": "99084", "city": "Erfurt"},
             "contact": {"email": "wohngeld@erfurt.de", "phone": "+49 361 655-0"},
             "destinationId": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
             "destinationSignature": "eyJhbGciOiJQUzUxMiJ9.eyJkZXN0aW5hdGlvbklkIjoiM2ZhODVmNjQifQ.c2lnbmF0dXJl",
             "websiteUrl": "https://www.erfurt.de/wohngeld"}""")
    record AuthorityRequest(@NotBlank @Size(max = 300) @PlainText String name,
                            @NotBlank @Size(max = 100) @PlainText String shortName,
                            @NotNull StateCode state,
                            @NotNull @Valid AddressBody address,
                            @NotNull @Valid ContactBody contact,
                            DestinationId destinationId,
                            DestinationSignature destinationSignature,
                            @Size(max = 2000) @PlainText
                            @Pattern(regexp = "https://\\S+", message = "must be an https URL") String websiteUrl) {

        AuthorityProfile profile() {
            return new AuthorityProfile(name.strip(), shortName.strip(),
                    new PostalAddress(address.street().strip(), address.houseNumber().strip(), address.zip(),
                            address.city().strip()),
                    new AuthorityContact(blankToNull(contact.email()), blankToNull(contact.phone())),
                    destinationId, destinationSignature, websiteUrl);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** The answer to a registration: the id under which the authority is known. */
    record AuthorityRecorded(AuthorityId authorityId) {
    }

    /** The answer to a change: whether anything differed from what was recorded. */
    record AuthorityUpdated(AuthorityId authorityId, boolean changed) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED) // the status CommandResponses answers with, named for the API document
    @Operation(operationId = "registerAuthority", summary = "Record an authority of a state",
            description = "Records an authority (Organisationseinheit) that handles applications: names, address, "
                    + "contact and, when it is connected to FIT-Connect, its destinationId (a UUID) and "
                    + "destinationSignature (a JWS in compact form). OWNER of the authority's state, or ADMIN. "
                    + "Adoptions of that state's municipalities may then name it.")
    ResponseEntity<AuthorityRecorded> register(@Valid @RequestBody AuthorityRequest request) {
        RegistryUser.current().requireMayActFor(request.state());
        AuthorityId authorityId = AuthorityId.random();
        return responses.execute(HttpStatus.CREATED, commands -> {
            commands.send(new RegisterAuthority(authorityId, request.state(), request.profile()));
            return new AuthorityRecorded(authorityId);
        });
    }

    @PutMapping(path = "/{authorityId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "changeAuthority", summary = "Replace what is recorded of an authority",
            description = "Replaces names, address, contact, destination and website of an authority with the body's "
                    + "(OWNER of its state, or ADMIN); a field left out is cleared. The state cannot change (422). "
                    + "A body equal to what is recorded stores nothing (changed: false).")
    ResponseEntity<AuthorityUpdated> change(@PathVariable AuthorityId authorityId,
                                            @Valid @RequestBody AuthorityRequest request) {
        AuthorityFacts authority = lookup.authority(authorityId)
                .orElseThrow(() -> RegistryProblem.notFound("Authority", authorityId));
        // the state it belongs to decides who may change it, not the state the body names
        RegistryUser.current().requireMayActFor(authority.state());
        return responses.execute(HttpStatus.OK, commands -> {
            boolean changed = commands.send(new ChangeAuthority(authorityId, request.state(), request.profile()));
            return new AuthorityUpdated(authorityId, changed);
        });
    }
}
