package de.efa.registry.query.audit;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import de.efa.registry.platform.web.ApiTags;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

/** What the register said at any instant, for auditors; without {@code asOf}, now. */
@RestController
@Tag(name = ApiTags.AUDIT)
class RegisterAsOfController {

    private final RegisterReconstruction reconstruction;
    private final Clock clock = Clock.systemUTC();

    RegisterAsOfController(RegisterReconstruction reconstruction) {
        this.reconstruction = reconstruction;
    }

    @GetMapping(path = "/api/v1/audit/register", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getRegisterAsOf", summary = "The register as it stood at an instant",
            description = "Rebuilt from the stored history alone (not from the read models): the services with their "
                    + "versions and active adoptions, and the cooperations, as recorded at asOf (default: now).")
    RegisterAsOf register(@RequestParam(required = false) String asOf) {
        Instant instant = AuditInstant.parse(asOf, "asOf");
        return reconstruction.asOf(instant == null ? clock.instant() : instant);
    }
}
