package de.efa.registry.command.municipality;

import de.efa.registry.command.web.CommandResponses;
import de.efa.registry.command.web.RequestMetaData;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN loads the official municipality directory (GV100AD); the URL rules admit only ADMIN to /admin. */
@RestController
class MunicipalityImportController {

    private final DirectoryImport directoryImport;
    private final CommandResponses responses;

    MunicipalityImportController(DirectoryImport directoryImport, CommandResponses responses) {
        this.directoryImport = directoryImport;
        this.responses = responses;
    }

    @PostMapping(path = "/api/v1/admin/municipalities/import", consumes = MediaType.TEXT_PLAIN_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ImportResult> importDirectory(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "A GV100AD file as published by "
                    + "Destatis, UTF-8 or ISO-8859-1", content = @Content(mediaType = MediaType.TEXT_PLAIN_VALUE,
                    schema = @Schema(type = "string"))) @RequestBody byte[] body) {
        return responses.execute(HttpStatus.OK, () -> directoryImport.importFile(body, RequestMetaData.ofCaller()));
    }
}
