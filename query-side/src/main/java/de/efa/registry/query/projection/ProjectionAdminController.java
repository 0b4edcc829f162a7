package de.efa.registry.query.projection;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Operations on the projections (ADMIN, by the URL rules): status, rebuild, dead letters. */
@RestController
@RequestMapping(path = "/api/v1/admin/projections", produces = MediaType.APPLICATION_JSON_VALUE)
class ProjectionAdminController {

    private final ProjectionManager manager;

    ProjectionAdminController(ProjectionManager manager) {
        this.manager = manager;
    }

    @GetMapping
    List<ProjectionStatus> projections() {
        return manager.statuses();
    }

    @GetMapping("/{name}")
    ProjectionStatus projection(@PathVariable String name) {
        return manager.status(name);
    }

    @PostMapping("/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ProjectionStatus rebuild(@PathVariable String name) {
        return manager.rebuild(name);
    }

    @GetMapping("/{name}/dead-letters")
    DeadLetterListing deadLetters(@PathVariable String name) {
        List<DeadLetter> letters = manager.deadLetters(name);
        return new DeadLetterListing(name, letters, letters.size());
    }

    @PostMapping("/{name}/dead-letters/retry")
    RetryOutcome retry(@PathVariable String name) {
        return manager.retryDeadLetters(name);
    }
}
