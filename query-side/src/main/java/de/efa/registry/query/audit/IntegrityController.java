package de.efa.registry.query.audit;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tamper evidence for auditors: recomputes the chains on every call, nothing is cached or trusted. */
@RestController
class IntegrityController {

    private final IntegrityCheck check;

    IntegrityController(IntegrityCheck check) {
        this.check = check;
    }

    @GetMapping(path = "/api/v1/audit/integrity", produces = MediaType.APPLICATION_JSON_VALUE)
    IntegrityReport integrity() {
        return check.run();
    }
}
