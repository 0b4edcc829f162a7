package de.efa.registry.command.job;

import de.efa.registry.platform.security.RegistryUser;
import de.efa.registry.platform.web.RegistryProblem;
import de.efa.registry.platform.web.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * The jobs started by {@code Prefer: respond-async}; served by the command side, which runs them. Only the principal
 * who started a job, or ADMIN, may read it: its result lists what that principal's request did.
 */
@RestController
@Tag(name = ApiTags.JOBS)
@RequestMapping(path = "/api/v1/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
class JobController {

    private final Jobs jobs;

    JobController(Jobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/{jobId}")
    @Operation(operationId = "getJob", summary = "A job started by POST /admin/municipalities/import or /adoptions/bulk with Prefer: respond-async",
            description = "RUNNING until DONE (with the result the synchronous request answers) or FAILED (with a reason;"
                    + " repeat the request with its Idempotency-Key to finish the work). Only its starter or ADMIN may read it.")
    JobAnswer job(@Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable String jobId) {
        JobId id = JobId.of(jobId);
        Job job = jobs.find(id).orElseThrow(() -> RegistryProblem.notFound("Job", id));
        RegistryUser caller = RegistryUser.current();
        if (!caller.isAdmin() && !caller.name().equals(job.principal())) {
            throw RegistryProblem.forbidden("Only the principal who started job " + id + ", or ADMIN, may read it");
        }
        return JobAnswer.of(job, Instant.now());
    }
}
