package de.efa.registry.query.projection;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import de.efa.registry.platform.web.ApiTags;
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
@Tag(name = ApiTags.ADMINISTRATION)
@RequestMapping(path = "/api/v1/admin/projections", produces = MediaType.APPLICATION_JSON_VALUE)
class ProjectionAdminController {

    private final ProjectionManager manager;

    ProjectionAdminController(ProjectionManager manager) {
        this.manager = manager;
    }

    @GetMapping
    @Operation(operationId = "listProjections", summary = "The projections and how far they are",
            description = "Each read model with the position it has processed, the store's head, the lag between them, "
                    + "its status (LIVE, REBUILDING, ERROR), a rebuild's progress and its dead letters.")
    List<ProjectionStatus> projections() {
        return manager.statuses();
    }

    @GetMapping("/{name}")
    @Operation(operationId = "getProjection", summary = "One projection and how far it is",
            description = "As in the list, for one projection by name.")
    ProjectionStatus projection(@PathVariable String name) {
        return manager.status(name);
    }

    @PostMapping("/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "rebuildProjection", summary = "Rebuild a projection from the events",
            description = "Starts building the read model again from the first event; reads answer from the previous "
                    + "complete model until the rebuilt one takes over. 202 at once; the progress shows in the "
                    + "projection's status.")
    ProjectionStatus rebuild(@PathVariable String name) {
        return manager.rebuild(name);
    }

    @GetMapping("/{name}/dead-letters")
    @Operation(operationId = "listDeadLetters", summary = "Events a projection could not process",
            description = "The events parked after their handler failed, with the failure, oldest first.")
    DeadLetterListing deadLetters(@PathVariable String name) {
        List<DeadLetter> letters = manager.deadLetters(name);
        return new DeadLetterListing(name, letters, letters.size());
    }

    @PostMapping("/{name}/dead-letters/retry")
    @Operation(operationId = "retryDeadLetters", summary = "Process the dead letters again",
            description = "Hands every parked event of the projection to its handler again, and says how many succeeded "
                    + "and how many are still parked.")
    RetryOutcome retry(@PathVariable String name) {
        return manager.retryDeadLetters(name);
    }
}
