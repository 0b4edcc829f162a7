package de.efa.registry.query.adoption;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import de.efa.registry.platform.web.ApiTags;
import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.platform.web.RegistryProblem;
import de.efa.registry.query.projection.ActiveVersions;
import de.efa.registry.query.register.Adoption;
import de.efa.registry.query.register.RegisterRecords;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /adoptions/{id}}: the adoption index (bucket by the id's first characters, one read by {@code _id})
 * names the municipality; its document (one read by {@code _id}) holds the adoption.
 */
@RestController
@Tag(name = ApiTags.ADOPTIONS)
@RequestMapping(path = "/api/v1/adoptions", produces = MediaType.APPLICATION_JSON_VALUE)
class AdoptionQueryController {

    private final ActiveVersions versions;

    AdoptionQueryController(ActiveVersions versions) {
        this.versions = versions;
    }

    @GetMapping("/{adoptionId}")
    @Operation(operationId = "getAdoption", summary = "An adoption",
            description = "Which version of which service a municipality offers, its status, and from and until when.")
    AdoptionView adoption(@PathVariable AdoptionId adoptionId) {
        Adoption adoption = RegisterRecords.active(versions).adoption(adoptionId.value())
                .orElseThrow(() -> RegistryProblem.notFound("Adoption", adoptionId));
        return new AdoptionView(adoption.adoptionId(), adoption.serviceId(), adoption.ags(), adoption.version(),
                adoption.status(), adoption.effectiveFrom(), adoption.endsOn(), adoption.crossBorder(),
                adoption.providingState(), adoption.versionSince(), adoption.legalBasis());
    }
}
