package de.efa.registry.command.reuse.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.efa.registry.command.cooperation.AgreementDates;
import de.efa.registry.command.lookup.ServiceFacts;
import de.efa.registry.command.lookup.WriteLookup;
import de.efa.registry.command.reuse.AgreementEnds;
import de.efa.registry.command.reuse.ReusableService;
import de.efa.registry.command.web.CommandResponses;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.reuse.AgreementId;
import de.efa.registry.kernel.reuse.AgreementStatus;
import de.efa.registry.kernel.reuse.CostModel;
import de.efa.registry.kernel.reuse.DeclareInterest;
import de.efa.registry.kernel.reuse.LegalBasis;
import de.efa.registry.kernel.reuse.OfferId;
import de.efa.registry.kernel.reuse.OfferService;
import de.efa.registry.kernel.reuse.ProposeAgreement;
import de.efa.registry.kernel.reuse.SignAgreement;
import de.efa.registry.kernel.reuse.TerminateAgreement;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.platform.security.RegistryUser;
import de.efa.registry.platform.web.ApiTags;
import de.efa.registry.platform.web.PlainText;
import de.efa.registry.platform.web.RegistryProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.LocalDate;

/**
 * Reuse from offer to agreement: a providing state offers a service, other states declare interest, and either side
 * proposes an agreement that the other countersigns. ADMIN may act for any state.
 */
@RestController
@Tag(name = ApiTags.REUSE)
class ReuseController {

    /** How long a termination's answer waits for the adoptions it ends (they follow anyway if it takes longer). */
    private static final Duration ENDS_PATIENCE = Duration.ofSeconds(10);

    private final CommandResponses responses;
    private final WriteLookup lookup;
    private final AgreementEnds agreementEnds;

    ReuseController(CommandResponses responses, WriteLookup lookup, AgreementEnds agreementEnds) {
        this.responses = responses;
        this.lookup = lookup;
        this.agreementEnds = agreementEnds;
    }

    @Schema(example = """
            {"terms": "Nachnutzung nach EfA-Mindestanforderungen, Betrieb durch Dataport", "costModel": "COST_SHARING",
             "validFrom": "2024-01-01"}""")
    record OfferRequest(@NotBlank @Size(max = 5000) @PlainText(multiline = true) String terms,
                        @NotNull CostModel costModel, @NotNull LocalDate validFrom) {
    }

    @Schema(example = """
            {"state": "09"}""")
    record InterestRequest(@NotNull StateCode state) {
    }

    @Schema(example = """
            {"serviceId": "47c0bfa1-63ba-40cd-9d1d-ab862ba3a9ba", "adoptingState": "09", "legalBasis": "FIT_STORE",
             "reference": "FIT-Store Vertrag 2024-017", "validFrom": "2024-03-01", "validTo": "2027-12-31"}""")
    record AgreementRequest(@NotNull ServiceId serviceId, @NotNull StateCode adoptingState,
                            @NotNull LegalBasis legalBasis,
                            @NotBlank @Size(max = 300) @PlainText String reference,
                            @NotNull LocalDate validFrom,
                            @Schema(description = "The agreement's last valid day; open-ended without one") LocalDate validTo) {
    }

    @Schema(example = """
            {"state": "09", "signedOn": "2024-02-20"}""")
    record CountersignatureRequest(@Schema(description = "The countersigning state; the caller's own state when left out "
                                           + "(ADMIN must name it)") StateCode state,
                                   @Schema(description = "The day of the countersignature; today when left out")
                                   LocalDate signedOn) {
    }

    @Schema(example = """
            {"endsOn": "2026-01-01"}""")
    record TerminationRequest(@NotNull LocalDate endsOn,
                              @Schema(description = "The terminating party; the caller's own state when left out "
                                      + "(ADMIN must name it)") StateCode state) {
    }

    /** The answer to an offer: under which id it is known. */
    record OfferAnswer(OfferId offerId, ServiceId serviceId, StateCode providingState) {
    }

    /** The answer to a declaration of interest. */
    record InterestAnswer(OfferId offerId, StateCode state, LocalDate declaredOn) {
    }

    /** The answer to a proposal, a countersignature or a termination: where the agreement stands now. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AgreementAnswer(AgreementId agreementId, AgreementStatus status,
                           @Schema(description = "While PROPOSED: the state whose countersignature it waits for")
                           StateCode awaitingSignatureOf,
                           @Schema(description = "After a termination: the first day it no longer holds") LocalDate endsOn) {
    }

    @PostMapping(path = "/api/v1/services/{serviceId}/offers", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED) // the status CommandResponses answers with, named for the API document
    @Operation(operationId = "offerService", summary = "Offer a service for reuse",
            description = "The providing state (its OWNER, or ADMIN) offers an EFA service to other states on these "
                    + "terms and cost model from validFrom (between 2017-08-14 and a year from today). An offer binds "
                    + "nobody: only a signed agreement or a shared cooperation lets another state's municipalities "
                    + "adopt the service. 422 service-not-efa for a STATE_ONLY service.")
    ResponseEntity<OfferAnswer> offer(@PathVariable ServiceId serviceId, @Valid @RequestBody OfferRequest request) {
        ServiceFacts service = service(serviceId);
        RegistryUser.current().requireMayActFor(service.providingState());
        ReusableService.require(service);
        OfferId offerId = OfferId.random();
        return responses.execute(HttpStatus.CREATED, commands -> {
            commands.send(new OfferService(offerId, serviceId, service.providingState(), request.terms().strip(),
                    request.costModel(), request.validFrom()));
            return new OfferAnswer(offerId, serviceId, service.providingState());
        });
    }

    @PostMapping(path = "/api/v1/offers/{offerId}/interests", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED) // the status CommandResponses answers with, named for the API document
    @Operation(operationId = "declareInterest", summary = "Declare interest in an offer",
            description = "Another state (its OWNER, or ADMIN) declares that it wants to reuse the offered service, "
                    + "today. 409 when it did already; 422 own-offer for the providing state itself.")
    ResponseEntity<InterestAnswer> declareInterest(@PathVariable OfferId offerId, @Valid @RequestBody InterestRequest request) {
        RegistryUser.current().requireMayActFor(request.state());
        LocalDate today = AgreementDates.today().day();
        return responses.execute(HttpStatus.CREATED, commands -> {
            commands.send(new DeclareInterest(offerId, request.state(), today));
            return new InterestAnswer(offerId, request.state(), today);
        });
    }

    @PostMapping(path = "/api/v1/agreements", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED) // the status CommandResponses answers with, named for the API document
    @Operation(operationId = "proposeAgreement", summary = "Propose a reuse agreement",
            description = "Either side proposes an agreement for an EFA service between its providing state and "
                    + "adoptingState (the OWNER of one of the two; ADMIN proposes for the providing state). It is "
                    + "PROPOSED until the other side countersigns. validFrom lies between 2017-08-14 and a year from "
                    + "today; validTo, the last valid day, is optional (open-ended) and not before validFrom.")
    ResponseEntity<AgreementAnswer> propose(@Valid @RequestBody AgreementRequest request) {
        ServiceFacts service = service(request.serviceId());
        RegistryUser caller = RegistryUser.current();
        StateCode proposer = proposer(caller, service.providingState(), request.adoptingState());
        ReusableService.require(service);
        AgreementId agreementId = AgreementId.random();
        StateCode counterparty = proposer.equals(service.providingState()) ? request.adoptingState() : service.providingState();
        return responses.execute(HttpStatus.CREATED, commands -> {
            commands.send(new ProposeAgreement(agreementId, request.serviceId(), service.providingState(),
                    request.adoptingState(), request.legalBasis(), request.reference().strip(), request.validFrom(),
                    request.validTo(), proposer, AgreementDates.today().day()));
            return new AgreementAnswer(agreementId, AgreementStatus.PROPOSED, counterparty, null);
        });
    }

    @PostMapping(path = "/api/v1/agreements/{agreementId}/signature", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED) // the status CommandResponses answers with, named for the API document
    @Operation(operationId = "countersignAgreement", summary = "Countersign a proposed agreement",
            description = "The other side (its OWNER, or ADMIN naming the state) countersigns; the agreement is SIGNED "
                    + "and a legal basis for cross-border adoptions of the service on its valid days. The body is "
                    + "optional. 422 countersignature-by-proposer or not-a-party for the wrong state; 409 when it was "
                    + "countersigned already.")
    ResponseEntity<AgreementAnswer> countersign(@PathVariable AgreementId agreementId,
                                                @Valid @RequestBody(required = false) CountersignatureRequest request) {
        StateCode state = actingState(request == null ? null : request.state());
        LocalDate signedOn = request == null || request.signedOn() == null ? AgreementDates.today().day() : request.signedOn();
        return responses.execute(HttpStatus.CREATED, commands -> {
            commands.send(new SignAgreement(agreementId, state, signedOn));
            return new AgreementAnswer(agreementId, AgreementStatus.SIGNED, null, null);
        });
    }

    @PostMapping(path = "/api/v1/agreements/{agreementId}/termination", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "terminateAgreement", summary = "Terminate a signed agreement",
            description = "Either side (its OWNER, or ADMIN naming the state) ends a SIGNED agreement: endsOn is the "
                    + "first day it no longer holds — after validFrom, not after validTo. The adoptions that rest on it "
                    + "alone (no cooperation of both states holds that day) end on endsOn; the answer's "
                    + "Registry-Position covers those ends when they finish within ten seconds. 422 "
                    + "agreement-not-signed for a proposal, 409 when it was terminated already.")
    ResponseEntity<AgreementAnswer> terminate(@PathVariable AgreementId agreementId,
                                              @Valid @RequestBody TerminationRequest request) {
        StateCode state = actingState(request.state());
        return responses.execute(HttpStatus.OK, commands -> {
            commands.send(new TerminateAgreement(agreementId, state, request.endsOn()));
            // the answer's Registry-Position covers the adoptions the termination ends, when that takes a moment
            if (agreementEnds.awaitEnded(agreementId, ENDS_PATIENCE)) {
                commands.coverEverythingStored();
            }
            return new AgreementAnswer(agreementId, AgreementStatus.TERMINATED, null, request.endsOn());
        });
    }

    /** 404 before 403: an owner learns that a service exists, which the public register shows anyway. */
    private ServiceFacts service(ServiceId serviceId) {
        return lookup.service(serviceId).orElseThrow(() -> RegistryProblem.notFound("Service", serviceId));
    }

    private static StateCode proposer(RegistryUser caller, StateCode providing, StateCode adopting) {
        if (caller.isAdmin()) {
            return providing;
        }
        StateCode own = caller.state().orElseThrow(() -> RegistryProblem.forbidden(caller.name() + " acts for no state"));
        if (!own.equals(providing) && !own.equals(adopting)) {
            throw RegistryProblem.forbidden(caller.name() + " may only propose agreements its own state is party to");
        }
        return own;
    }

    /** The state named, which the caller must act for; an OWNER's own state when none is named. */
    private static StateCode actingState(StateCode named) {
        RegistryUser caller = RegistryUser.current();
        if (named != null) {
            caller.requireMayActFor(named);
            return named;
        }
        return caller.state().orElseThrow(() -> RegistryProblem.badRequest("state is required when "
                + caller.name() + " acts for no state of its own"));
    }
}
