package de.efa.registry.command.adoption.web;

import de.efa.registry.command.adoption.bulk.BulkAdoption;
import de.efa.registry.command.job.Jobs;
import de.efa.registry.command.job.LongWork;
import de.efa.registry.command.job.ProgressWatch;
import de.efa.registry.command.job.RespondAsync;
import de.efa.registry.command.lookup.AdoptionFacts;
import de.efa.registry.command.lookup.WriteLookup;
import de.efa.registry.command.web.CommandResponses;
import de.efa.registry.kernel.adoption.AdoptService;
import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.adoption.SwitchAdoptionVersion;
import de.efa.registry.kernel.adoption.TerminateAdoption;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import de.efa.registry.platform.security.RegistryUser;
import de.efa.registry.platform.web.RegistryProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
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
import java.util.LinkedHashMap;
import java.util.Map;

/** Service owners adopt services for the municipalities of their state, switch versions and end adoptions. */
@RestController
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

    record AdoptionRequest(@NotNull ServiceId serviceId, @NotNull Ags ags, ServiceVersion version, @NotNull LocalDate effectiveFrom) {
    }

    record SwitchRequest(@NotNull ServiceVersion version, @NotNull LocalDate effectiveFrom) {
    }

    record TerminationRequest(@NotNull LocalDate endsOn) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED) // the status CommandResponses answers with, named for the API document
    ResponseEntity<Map<String, String>> adopt(@Valid @RequestBody AdoptionRequest request) {
        RegistryUser.current().requireMayActFor(request.ags().state());
        AdoptionId adoptionId = AdoptionId.random();
        return responses.execute(HttpStatus.CREATED, commands -> {
            // the command answers with the version the rules chose: no read-back of what was just stored
            ServiceVersion version = commands.send(new AdoptService(request.ags(), adoptionId, request.serviceId(),
                    request.version(), request.effectiveFrom()));
            Map<String, String> body = new LinkedHashMap<>();
            body.put("adoptionId", adoptionId.value());
            body.put("version", version.toString());
            return body;
        });
    }

    @PostMapping(path = "/bulk", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Adopts a service for many municipalities; with Prefer: respond-async as a job", responses = {
            @ApiResponse(responseCode = "200", description = "What was accepted, and what was rejected and why",
                    content = @Content(schema = @Schema(implementation = BulkAdoption.Result.class))),
            @ApiResponse(responseCode = "202", description = "Prefer: respond-async: started as the job at Location "
                    + "(Preference-Applied: respond-async); GET it until DONE, its result is the 200's body",
                    headers = @Header(name = "Location", description = "/api/v1/jobs/{jobId}"),
                    content = @Content(schema = @Schema(ref = "#/components/schemas/JobAnswer"))),
            @ApiResponse(responseCode = "503", description = "Prefer: respond-async while as many jobs run as the "
                    + "instance takes; Retry-After says when to try again",
                    content = @Content(mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))})
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
    ResponseEntity<Map<String, String>> switchVersion(@PathVariable AdoptionId adoptionId, @Valid @RequestBody SwitchRequest request) {
        AdoptionFacts adoption = ownedAdoption(adoptionId);
        return responses.execute(HttpStatus.OK, commands -> {
            commands.send(new SwitchAdoptionVersion(adoption.ags(), adoptionId, request.version(), request.effectiveFrom()));
            return Map.of("adoptionId", adoptionId.value(), "version", request.version().toString(), "status", "ACTIVE");
        });
    }

    @PostMapping(path = "/{adoptionId}/termination", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> terminate(@PathVariable AdoptionId adoptionId, @Valid @RequestBody TerminationRequest request) {
        AdoptionFacts adoption = ownedAdoption(adoptionId);
        return responses.execute(HttpStatus.OK, commands -> {
            commands.send(new TerminateAdoption(adoption.ags(), adoptionId, request.endsOn()));
            return Map.of("adoptionId", adoptionId.value(), "status", "ENDED", "endsOn", request.endsOn().toString());
        });
    }

    private AdoptionFacts ownedAdoption(AdoptionId adoptionId) {
        AdoptionFacts adoption = lookup.adoption(adoptionId).orElseThrow(() -> RegistryProblem.notFound("Adoption", adoptionId));
        RegistryUser.current().requireMayActFor(adoption.ags().state());
        return adoption;
    }
}
