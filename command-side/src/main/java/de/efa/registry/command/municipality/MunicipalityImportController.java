package de.efa.registry.command.municipality;

import de.efa.registry.command.web.CommandResponses;
import de.efa.registry.command.web.RequestMetaData;
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
    ResponseEntity<ImportResult> importDirectory(@RequestBody byte[] body) {
        return responses.execute(HttpStatus.OK, () -> directoryImport.importFile(body, RequestMetaData.ofCaller()));
    }
}
