package de.efa.registry.query.audit;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

/** What the register said at any instant, for auditors; without {@code asOf}, now. */
@RestController
class RegisterAsOfController {

    private final RegisterReconstruction reconstruction;
    private final Clock clock = Clock.systemUTC();

    RegisterAsOfController(RegisterReconstruction reconstruction) {
        this.reconstruction = reconstruction;
    }

    @GetMapping(path = "/api/v1/audit/register", produces = MediaType.APPLICATION_JSON_VALUE)
    RegisterAsOf register(@RequestParam(required = false) String asOf) {
        Instant instant = AuditInstant.parse(asOf, "asOf");
        return reconstruction.asOf(instant == null ? clock.instant() : instant);
    }
}
