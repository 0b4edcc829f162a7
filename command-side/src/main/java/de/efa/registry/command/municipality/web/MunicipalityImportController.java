package de.efa.registry.command.municipality.web;

import de.efa.registry.command.municipality.directory.DirectoryImport;
import de.efa.registry.command.municipality.directory.ImportResult;
import de.efa.registry.command.job.Jobs;
import de.efa.registry.command.job.LongWork;
import de.efa.registry.command.job.MayRunAsJob;
import de.efa.registry.command.job.ProgressWatch;
import de.efa.registry.command.job.RespondAsync;
import de.efa.registry.command.web.CommandResponses;
import de.efa.registry.command.web.RequestMetaData;
import de.efa.registry.platform.security.RegistryUser;
import de.efa.registry.platform.web.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN loads the official municipality directory (GV100AD); the URL rules admit only ADMIN to /admin. */
@RestController
@Tag(name = ApiTags.ADMINISTRATION)
class MunicipalityImportController {

    private final DirectoryImport directoryImport;
    private final CommandResponses responses;
    private final Jobs jobs;
    private final ProgressWatch progress;

    MunicipalityImportController(DirectoryImport directoryImport, CommandResponses responses, Jobs jobs,
                                 ProgressWatch progress) {
        this.directoryImport = directoryImport;
        this.responses = responses;
        this.jobs = jobs;
        this.progress = progress;
    }

    @PostMapping(path = "/api/v1/admin/municipalities/import", consumes = MediaType.TEXT_PLAIN_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @MayRunAsJob
    @Operation(operationId = "importDirectory", summary = "Import the official municipality directory",
            description = "Brings the register to a GV100AD file as Destatis publishes it: municipalities new in the "
                    + "file are added, changed ones changed, missing ones dissolved; every change is an event. The same "
                    + "file again changes nothing and stores nothing. ADMIN only.",
            responses = @ApiResponse(responseCode = "200", description = "What the file holds and what the register did with it",
                    content = @Content(schema = @Schema(implementation = ImportResult.class))))
    ResponseEntity<?> importDirectory(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "A GV100AD file as published by "
                    + "Destatis, UTF-8 or ISO-8859-1", content = @Content(mediaType = MediaType.TEXT_PLAIN_VALUE,
                    schema = @Schema(type = "string"))) @RequestBody byte[] body,
            @Parameter(hidden = true) HttpServletRequest http) {
        LongWork<ImportResult> work = directoryImport.plan(body, RequestMetaData.ofCaller());
        if (RespondAsync.requested(http)) {
            return jobs.accept(work, RegistryUser.current().name());
        }
        return responses.execute(HttpStatus.OK, commands -> progress.carryOut(work, commands));
    }
}
