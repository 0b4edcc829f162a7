package de.efa.registry.query.adoption;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import de.efa.registry.platform.web.ApiTags;
import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.platform.web.RegistryProblem;
import de.efa.registry.query.projection.ActiveVersions;
import de.efa.registry.query.register.Adoption;
import de.efa.registry.query.register.Authority;
import de.efa.registry.query.register.AuthorityAssignment;
import de.efa.registry.query.register.RegisterRecords;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * {@code GET /adoptions/{id}}: the adoption index (bucket by the id's first characters, one read by {@code _id})
 * names the municipality; its document (one read by {@code _id}) holds the adoption.
 */
@RestController
@Tag(name = ApiTags.ADOPTIONS)
@RequestMapping(path = "/api/v1/adoptions", produces = MediaType.APPLICATION_JSON_VALUE)
class AdoptionQueryController {

    /** "Today" for a German register is the day in Germany. */
    private static final ZoneId GERMANY = ZoneId.of("Europe/Berlin");

    private final ActiveVersions versions;

    AdoptionQueryController(ActiveVersions versions) {
        this.versions = versions;
    }

    @GetMapping("/{adoptionId}")
    @Operation(operationId = "getAdoption", summary = "An adoption",
            description = "Which version of which service a municipality offers, its status, from and until when, and "
                    + "the authority handling its applications today with every authority named for it.")
    AdoptionView adoption(@PathVariable AdoptionId adoptionId) {
        RegisterRecords register = RegisterRecords.active(versions);
        Adoption adoption = register.adoption(adoptionId.value())
                .orElseThrow(() -> RegistryProblem.notFound("Adoption", adoptionId));
        String today = LocalDate.now(GERMANY).toString();
        AdoptionView.ResponsibleAuthority responsible = null;
        for (AuthorityAssignment assignment : adoption.authorities()) {
            if (assignment.effectiveFrom().compareTo(today) <= 0) {
                responsible = new AdoptionView.ResponsibleAuthority(assignment.authorityId(),
                        register.authority(assignment.authorityId()).map(Authority::name).orElse(null),
                        assignment.effectiveFrom());
            }
        }
        return new AdoptionView(adoption.adoptionId(), adoption.serviceId(), adoption.ags(), adoption.version(),
                adoption.status(), adoption.effectiveFrom(), adoption.endsOn(), adoption.crossBorder(),
                adoption.providingState(), adoption.versionSince(), adoption.legalBasis(), responsible,
                adoption.authorities().stream()
                        .map(a -> new AdoptionView.Assignment(a.authorityId(), a.effectiveFrom())).toList());
    }
}
