package de.efa.registry.command.adoption.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.efa.registry.kernel.adoption.AdoptionStatus;
import de.efa.registry.platform.web.ApiTags;
import io.swagger.v3.oas.annotations.tags.Tag;
import de.efa.registry.command.adoption.bulk.BulkAdoption;
import de.efa.registry.command.job.Jobs;
import de.efa.registry.command.job.LongWork;
import de.efa.registry.command.job.MayRunAsJob;
import de.efa.registry.command.job.ProgressWatch;
import de.efa.registry.command.job.RespondAsync;
import de.efa.registry.command.lookup.AdoptionFacts;
import de.efa.registry.command.lookup.WriteLookup;
import de.efa.registry.command.web.CommandResponses;
import de.efa.registry.kernel.adoption.AdoptService;
import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.adoption.AssignAdoptionAuthority;
import de.efa.registry.kernel.authority.AuthorityId;
import de.efa.registry.kernel.adoption.SwitchAdoptionVersion;
import de.efa.registry.kernel.adoption.TerminateAdoption;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import de.efa.registry.platform.security.RegistryUser;
import de.efa.registry.platform.web.RegistryProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/** Service owners adopt services for the municipalities of their state, switch versions and end adoptions. */
@RestController
@Tag(name = ApiTags.ADOPTIONS)
@RequestMapping(path = "/api/v1/adoptions", produces = MediaType.APPLICATION_JSON_VALUE)
class AdoptionController {

    private final CommandResponses responses;
    private final WriteLookup lookup;
    private final BulkAdoption bulkAdoption;
    private final Jobs jobs;
    private final ProgressWatch progress;

    AdoptionController(CommandResponses responses, WriteLookup lookup, BulkAdoption bulkAdoption,
                       Jobs jobs, ProgressWatch progress) {
        this.responses = responses;
        this.lookup = lookup;
        this.bulkAdoption = bulkAdoption;
        this.jobs = jobs;
        this.progress = progress;
    }

    @Schema(example = """
            {"serviceId": "0b4c4a5e-8f1e-4d55-9a55-1d9e5c2b7a10", "ags": "16055000", "version": "1.0.0",
             "effectiveFrom": "2024-07-01", "authorityId": "c3d4e5f6-1a2b-4c3d-8e9f-0a1b2c3d4e5f"}""")
    record AdoptionRequest(@NotNull ServiceId serviceId, @NotNull Ags ags, ServiceVersion version, @NotNull LocalDate effectiveFrom,
                           AuthorityId authorityId) {
    }

    @Schema(example = """
            {"authorityId": "c3d4e5f6-1a2b-4c3d-8e9f-0a1b2c3d4e5f", "effectiveFrom": "2025-01-01"}""")
    record AuthorityAssignment(@NotNull AuthorityId authorityId, @NotNull LocalDate effectiveFrom) {
    }

    /** The answer to naming an authority: which one handles the adoption's applications, from when. */
    record AuthorityAssigned(AdoptionId adoptionId, AuthorityId authorityId, LocalDate effectiveFrom) {
    }

    @Schema(example = """
            {"version": "2.0.0", "effectiveFrom": "2025-01-01"}""")
    record SwitchRequest(@NotNull ServiceVersion version, @NotNull LocalDate effectiveFrom) {
    }

    @Schema(example = """
            {"endsOn": "2025-12-31"}""")
    record TerminationRequest(@NotNull LocalDate endsOn) {
    }

    /** The answer to an adoption: its id, and the version the rules chose when the request named none. */
    record AdoptionRecorded(AdoptionId adoptionId, ServiceVersion version) {
    }

    /** The answer to a change of an adoption: its status now, and the version or end date the change set. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AdoptionChanged(AdoptionId adoptionId, ServiceVersion version, AdoptionStatus status, LocalDate endsOn) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED) // the status CommandResponses answers with, named for the API document
    @Operation(operationId = "adoptService", summary = "Adopt a service for a municipality",
            description = "Records that a municipality offers a version of a service from effectiveFrom on (OWNER of "
                    + "the municipality's state, or ADMIN). Without version the latest ACTIVE one is taken. Refused "
                    + "when the version is not ACTIVE or not yet released, when the municipality already has an active "
                    + "adoption of the service (409), and across a state border without a cooperation (422). authorityId "
                    + "optionally names the authority handling its applications; it must be recorded (422 "
                    + "unknown-authority) and belong to the municipality's state (422 authority-of-another-state).")
    ResponseEntity<AdoptionRecorded> adopt(@Valid @RequestBody AdoptionRequest request) {
        RegistryUser.current().requireMayActFor(request.ags().state());
        AdoptionId adoptionId = AdoptionId.random();
        return responses.execute(HttpStatus.CREATED, commands -> {
            // the command answers with the version the rules chose: no read-back of what was just stored
            ServiceVersion version = commands.send(new AdoptService(request.ags(), adoptionId, request.serviceId(),
                    request.version(), request.effectiveFrom(), request.authorityId()));
            return new AdoptionRecorded(adoptionId, version);
        });
    }

    @PostMapping(path = "/bulk", consumes = MediaType.APPLICATION_JSON_VALUE)
    @MayRunAsJob
    @Operation(operationId = "adoptServiceInBulk", summary = "Adopt a service for many municipalities",
            description = "Adopts a service for a list of municipalities (ags), a district or a whole state, up to "
                    + "20,000 at once; each municipality is decided by the same rules as a single adoption, and the "
                    + "answer counts the accepted and lists the rejected with the rule that refused them. With "
                    + "Prefer: respond-async it runs as a job (202 and Location), otherwise the answer waits.",
            responses = @ApiResponse(responseCode = "200", description = "What was accepted, and what was rejected and why",
                    content = @Content(schema = @Schema(implementation = BulkAdoption.Result.class))))
    ResponseEntity<?> adoptInBulk(@Valid @RequestBody BulkAdoption.Request request,
                                  @Parameter(hidden = true) HttpServletRequest http) {
        RegistryUser caller = RegistryUser.current();
        LongWork<BulkAdoption.Result> work = bulkAdoption.plan(request, caller);
        if (RespondAsync.requested(http)) {
            return jobs.accept(work, caller.name());
        }
        return responses.execute(HttpStatus.OK, commands -> progress.carryOut(work, commands));
    }

    @PostMapping(path = "/{adoptionId}/version-switch", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "switchAdoptionVersion", summary = "Switch an adoption to another version",
            description = "Moves an adoption to another ACTIVE version of the same service from effectiveFrom on.")
    ResponseEntity<AdoptionChanged> switchVersion(@PathVariable AdoptionId adoptionId, @Valid @RequestBody SwitchRequest request) {
        AdoptionFacts adoption = ownedAdoption(adoptionId);
        return responses.execute(HttpStatus.OK, commands -> {
            commands.send(new SwitchAdoptionVersion(adoption.ags(), adoptionId, request.version(), request.effectiveFrom()));
            return new AdoptionChanged(adoptionId, request.version(), AdoptionStatus.ACTIVE, null);
        });
    }

    @PostMapping(path = "/{adoptionId}/authority", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "assignAdoptionAuthority", summary = "Name the authority that handles an adoption",
            description = "From effectiveFrom on, the authority handles the applications of the adoption's service in "
                    + "its municipality (OWNER of the municipality's state, or ADMIN); before that day the one named "
                    + "before stays responsible. The authority must be recorded and belong to the municipality's "
                    + "state (422); effectiveFrom may not lie before the adoption's start (422).")
    ResponseEntity<AuthorityAssigned> assignAuthority(@PathVariable AdoptionId adoptionId,
                                                      @Valid @RequestBody AuthorityAssignment request) {
        AdoptionFacts adoption = ownedAdoption(adoptionId);
        return responses.execute(HttpStatus.OK, commands -> {
            commands.send(new AssignAdoptionAuthority(adoption.ags(), adoptionId, request.authorityId(),
                    request.effectiveFrom()));
            return new AuthorityAssigned(adoptionId, request.authorityId(), request.effectiveFrom());
        });
    }

    @PostMapping(path = "/{adoptionId}/termination", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "terminateAdoption", summary = "End an adoption",
            description = "Ends an adoption on endsOn: from that day the municipality no longer offers the service.")
    ResponseEntity<AdoptionChanged> terminate(@PathVariable AdoptionId adoptionId, @Valid @RequestBody TerminationRequest request) {
        AdoptionFacts adoption = ownedAdoption(adoptionId);
        return responses.execute(HttpStatus.OK, commands -> {
            commands.send(new TerminateAdoption(adoption.ags(), adoptionId, request.endsOn()));
            return new AdoptionChanged(adoptionId, null, AdoptionStatus.ENDED, request.endsOn());
        });
    }

    private AdoptionFacts ownedAdoption(AdoptionId adoptionId) {
        AdoptionFacts adoption = lookup.adoption(adoptionId).orElseThrow(() -> RegistryProblem.notFound("Adoption", adoptionId));
        RegistryUser.current().requireMayActFor(adoption.ags().state());
        return adoption;
    }
}
