package de.efa.registry.query.audit;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import de.efa.registry.platform.web.ApiTags;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tamper evidence for auditors: recomputes the chains on every call, nothing is cached or trusted. */
@RestController
@Tag(name = ApiTags.AUDIT)
class IntegrityController {

    private final IntegrityCheck check;

    IntegrityController(IntegrityCheck check) {
        this.check = check;
    }

    @GetMapping(path = "/api/v1/audit/integrity", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "checkIntegrity", summary = "Check every hash chain",
            description = "Recomputes the hash of every stored event and checks each aggregate's chain: a changed, "
                    + "removed or reordered event is named with its aggregate and sequence.")
    IntegrityReport integrity() {
        return check.run();
    }
}
