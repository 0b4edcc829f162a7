package de.efa.registry.command.municipality.web;

import de.efa.registry.command.municipality.directory.DirectoryImport;
import de.efa.registry.command.municipality.directory.DirectoryRefused;
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
import de.efa.registry.platform.web.ProblemAdvice;
import de.efa.registry.platform.web.ProblemTypes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
                    + "Destatis, UTF-8 or ISO-8859-1 (as declared by charset; without one, told apart by the bytes); one bad "
                    + "record refuses the whole file, the answer lists the bad lines", content = @Content(mediaType = MediaType.TEXT_PLAIN_VALUE,
                    schema = @Schema(type = "string"))) @RequestBody byte[] body,
            @Parameter(hidden = true) HttpServletRequest http) {
        LongWork<ImportResult> work = directoryImport.plan(body, DeclaredCharset.of(http), RequestMetaData.ofCaller());
        if (RespondAsync.requested(http)) {
            return jobs.accept(work, RegistryUser.current().name());
        }
        return responses.execute(HttpStatus.OK, commands -> progress.carryOut(work, commands));
    }

    /** A file with bad records: a 400 that lists them by line beside the detail ({@code errors: [{line, reason}]}). */
    @ExceptionHandler(DirectoryRefused.class)
    ResponseEntity<ProblemDetail> refused(DirectoryRefused refused) {
        ResponseEntity<ProblemDetail> answer = ProblemAdvice.problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_INPUT,
                "Invalid directory", refused.getMessage(), null);
        answer.getBody().setProperty("errors", refused.shown());
        answer.getBody().setProperty("invalidRecords", refused.total());
        return answer;
    }
}
